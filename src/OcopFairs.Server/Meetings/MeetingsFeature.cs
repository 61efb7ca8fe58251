using System.Collections.Concurrent;
using System.Collections.Immutable;
using OcopFairs.Abstractions;
using OcopFairs.Grains;
using OcopFairs.Server.Notifications;

namespace OcopFairs.Server.Meetings;

/// <summary>Meetings at the booths: matching hours, requests and answers, decided by each fair's meetings grain.</summary>
public static class MeetingsFeature
{
    public static WebApplicationBuilder AddMeetings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IMeetingStore, MeetingStore>();
        builder.Services.AddSingleton<IMeetingEvents, MeetingEvents>();
        builder.Services.AddSingleton<MeetingJobs>();
        builder.Services.AddHostedService<MeetingJobsRegistration>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder app) => app.MapMeetingsApi().MapScheduleApi();
}

/// <summary>
/// Tells both sides of a meeting that it changed, as a private live event to each side's account, and logs it for
/// operators, with an inbox entry for the side that must answer (both sides once it is settled either way).
/// </summary>
public sealed class MeetingEvents(IGrainFactory grains, TimeProvider clock, ILogger<MeetingEvents> log) : IMeetingEvents
{
    /// <summary>
    /// Runs off the meetings grain's turn: the change is durable already, and the grain decides one request at a time,
    /// so waiting here for pushes and inbox writes would make every party of the fair wait for them too.
    /// </summary>
    public Task ChangedAsync(Meeting meeting)
    {
        _ = Task.Run(async () =>
        {
            try
            {
                await TellAsync(meeting);
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Could not tell the parties of meeting {MeetingId} about its change", meeting.MeetingId);
            }
        });
        return Task.CompletedTask;
    }

    private async Task TellAsync(Meeting meeting)
    {
        log.LogInformation("Meeting {MeetingId} of fair {FairId} is {Status} (buyer {BuyerId}, producer {ProducerId}, {StartsAt})",
            meeting.MeetingId, meeting.FairId, meeting.Status, meeting.BuyerId, meeting.ProducerId, meeting.StartsAt);
        var buyer = await grains.GetGrain<IBuyerGrain>(meeting.BuyerId).GetAsync();
        var producer = await grains.GetGrain<IProducerGrain>(meeting.ProducerId).GetAsync();
        var push = grains.GetGrain<IPushGrain>(0);
        foreach (var owner in new[] { buyer?.OwnerUserId, producer?.OwnerUserId }.OfType<string>().Distinct())
        {
            await push.PublishPrivateAsync(new PrivateEvent(owner, EventTypes.MeetingChanged, null, Meeting: meeting));
        }

        // The inbox: the side that must answer a request or a counter-proposal; both sides once it is settled either way.
        var kind = meeting.Status switch
        {
            MeetingStatus.Requested => meeting.Version == 1 ? NotificationKinds.MeetingRequested : NotificationKinds.MeetingProposed,
            MeetingStatus.Accepted => NotificationKinds.MeetingAccepted,
            MeetingStatus.Declined => NotificationKinds.MeetingDeclined,
            MeetingStatus.Cancelled => NotificationKinds.MeetingCancelled,
            MeetingStatus.Expired => NotificationKinds.MeetingExpired,
            _ => null,
        };
        if (kind is null) return;
        var fair = await grains.GetGrain<IFairGrain>(meeting.FairId).GetAsync();
        var facts = ImmutableDictionary<string, string>.Empty
            .Add(NotificationKinds.Facts.FairName, fair?.Details.Name ?? meeting.FairId)
            .Add(NotificationKinds.Facts.At, NotificationTexts.Instant(meeting.StartsAt))
            .Add(NotificationKinds.Facts.TimeZone, fair?.Details.TimeZone ?? "Asia/Ho_Chi_Minh")
            .Add(NotificationKinds.Facts.Place, meeting.Place.Key);
        if (meeting.Reason is { Length: > 0 } reason) facts = facts.Add(NotificationKinds.Facts.Reason, reason);
        var toBuyer = meeting.Status != MeetingStatus.Requested || meeting.AwaitingSide == MeetingSide.Buyer;
        var toProducer = meeting.Status != MeetingStatus.Requested || meeting.AwaitingSide == MeetingSide.Producer;
        if (toBuyer && buyer?.OwnerUserId is { } buyerUser)
        {
            await DeliverAsync(buyerUser, meeting, kind, facts.Add(NotificationKinds.Facts.Party, producer?.Profile.Name ?? meeting.ProducerId));
        }

        if (toProducer && producer?.OwnerUserId is { } producerUser)
        {
            await DeliverAsync(producerUser, meeting, kind, facts.Add(NotificationKinds.Facts.Party, buyer?.Profile.Organisation ?? meeting.BuyerId));
        }
    }

    private Task DeliverAsync(string userId, Meeting meeting, string kind, ImmutableDictionary<string, string> facts) =>
        grains.GetGrain<INotificationInboxGrain>(userId).DeliverAsync(
            Notification.Of($"meeting:{meeting.MeetingId}:{meeting.Version}:{userId}", kind, meeting.FairId, clock.GetUtcNow(), facts));

    // Per fair, the newest counts not yet pushed, and whether a sender is draining them. The grain reports counts in
    // order, so pushing only the newest keeps the organiser's figures from going back to an older snapshot.
    private readonly ConcurrentDictionary<string, ImmutableDictionary<MeetingStatus, int>> _pendingCounts = new();
    private readonly ConcurrentDictionary<string, byte> _sendingCounts = new();

    public Task CountsChangedAsync(string fairId, ImmutableDictionary<MeetingStatus, int> counts)
    {
        _pendingCounts[fairId] = counts;
        if (_sendingCounts.TryAdd(fairId, 0)) _ = Task.Run(() => DrainCountsAsync(fairId));
        return Task.CompletedTask;
    }

    private async Task DrainCountsAsync(string fairId)
    {
        while (true)
        {
            while (_pendingCounts.TryRemove(fairId, out var counts))
            {
                try
                {
                    await CountsAsync(fairId, counts);
                }
                catch (Exception e)
                {
                    log.LogWarning(e, "Could not push the meeting counts of fair {FairId}", fairId);
                }
            }
            _sendingCounts.TryRemove(fairId, out _);
            // Counts that arrived between the last take and the release would otherwise wait for the next change.
            if (!_pendingCounts.ContainsKey(fairId) || !_sendingCounts.TryAdd(fairId, 0)) return;
        }
    }

    private async Task CountsAsync(string fairId, ImmutableDictionary<MeetingStatus, int> counts)
    {
        await grains.GetGrain<IFairBoardGrain>(fairId).RecordMeetingsAsync(Board.BoardApi.Meetings(counts));
        if (await grains.GetGrain<IFairGrain>(fairId).GetAsync() is not { } fair) return;
        await grains.GetGrain<IPushGrain>(0).PublishPrivateAsync(
            new PrivateEvent(fair.OrganiserId, EventTypes.BoardChanged, null, MeetingCounts: new MeetingCounts(fairId, counts)));
    }
}
