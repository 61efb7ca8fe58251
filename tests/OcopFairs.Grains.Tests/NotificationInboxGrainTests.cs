using OcopFairs.Abstractions;

namespace OcopFairs.Grains.Tests;

[Collection(ClusterCollection.Name)]
public class NotificationInboxGrainTests(ClusterFixture fixture)
{
    private static readonly DateTimeOffset Start = new(2030, 3, 1, 1, 0, 0, TimeSpan.Zero);

    private INotificationInboxGrain NewInbox() => fixture.Grains.GetGrain<INotificationInboxGrain>(TestData.NewId("user"));

    private static Notification Note(string key, int minute = 0) => new(
        Id: Guid.NewGuid().ToString("N"),
        Key: key,
        Kind: "application.approved",
        Title: "Hồ sơ đã được duyệt",
        Body: "Gian hàng của bạn đã được xác nhận.",
        FairId: "fair-1",
        CreatedAt: Start.AddMinutes(minute),
        ReadAt: null);

    [Fact]
    public async Task Delivering_the_same_key_twice_keeps_one_item()
    {
        var inbox = NewInbox();

        var first = await inbox.DeliverAsync(Note("application:42:approved"));
        var second = await inbox.DeliverAsync(Note("application:42:approved"));

        Assert.True(first);
        Assert.False(second);
        Assert.Single(await inbox.ListAsync(unreadOnly: false));
    }

    [Fact]
    public async Task List_is_newest_first_and_can_hold_only_unread()
    {
        var inbox = NewInbox();
        var oldest = Note("k1", 1);
        var middle = Note("k2", 2);
        var newest = Note("k3", 3);
        foreach (var note in new[] { oldest, middle, newest })
        {
            await inbox.DeliverAsync(note);
        }

        await inbox.MarkReadAsync(middle.Id);

        Assert.Equal([newest.Id, middle.Id, oldest.Id], (await inbox.ListAsync(unreadOnly: false)).Select(n => n.Id));
        Assert.Equal([newest.Id, oldest.Id], (await inbox.ListAsync(unreadOnly: true)).Select(n => n.Id));
    }

    [Fact]
    public async Task MarkRead_stamps_the_item_once_and_reports_unknown_ids()
    {
        var inbox = NewInbox();
        var note = Note("k1");
        await inbox.DeliverAsync(note);

        Assert.True(await inbox.MarkReadAsync(note.Id));
        var readAt = (await inbox.ListAsync(unreadOnly: false)).Single().ReadAt;
        Assert.True(await inbox.MarkReadAsync(note.Id));
        Assert.False(await inbox.MarkReadAsync("no-such-id"));

        Assert.NotNull(readAt);
        Assert.Equal(readAt, (await inbox.ListAsync(unreadOnly: false)).Single().ReadAt);
        Assert.Empty(await inbox.ListAsync(unreadOnly: true));
    }

    [Fact]
    public async Task A_new_inbox_is_empty()
    {
        var inbox = NewInbox();

        Assert.Empty(await inbox.ListAsync(unreadOnly: false));
        Assert.False(await inbox.MarkReadAsync("anything"));
    }
}
