using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Grains;

[GenerateSerializer, Immutable, Alias("ocop.InboxState")]
public sealed record InboxState
{
    /// <summary>Newest last, at most <see cref="NotificationInboxGrain.Capacity"/>.</summary>
    [Id(0)] public ImmutableArray<Notification> Items { get; init; } = [];
}

public sealed class NotificationInboxGrain(
    [PersistentState("inbox", StorageNames.Default)] IPersistentState<InboxState> state,
    IGrainFactory grains,
    TimeProvider clock) : Grain, INotificationInboxGrain
{
    public const int Capacity = 500;

    private ImmutableArray<Notification> Items => state.State.Items.IsDefault ? [] : state.State.Items;

    public async Task<bool> DeliverAsync(Notification notification)
    {
        if (Items.Any(n => n.Key == notification.Key))
        {
            return false;
        }

        var items = Items;
        if (items.Length >= Capacity)
        {
            items = items.RemoveRange(0, items.Length - Capacity + 1);
        }

        await state.CommitAsync(state.State with { Items = items.Add(notification) });
        grains.GetGrain<IPushGrain>(0)
            .PublishPrivateAsync(new PrivateEvent(this.GetPrimaryKeyString(), EventTypes.Notification, notification))
            .Ignore();
        return true;
    }

    public Task<ImmutableArray<Notification>> ListAsync(bool unreadOnly) =>
        Task.FromResult(Items.Reverse().Where(n => !unreadOnly || n.ReadAt is null).ToImmutableArray());

    public async Task<bool> MarkReadAsync(string notificationId)
    {
        var index = Items.IndexOf(Items.FirstOrDefault(n => n.Id == notificationId)!);
        if (index < 0)
        {
            return false;
        }

        if (Items[index].ReadAt is null)
        {
            var read = Items[index] with { ReadAt = clock.GetUtcNow() };
            await state.CommitAsync(state.State with { Items = Items.SetItem(index, read) });
        }

        return true;
    }
}
