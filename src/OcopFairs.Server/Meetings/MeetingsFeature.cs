using System.Collections.Immutable;
using OcopFairs.Abstractions;
using OcopFairs.Grains;

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
/// operators. (Inbox entries for meetings come with the reminders' notifications.)
/// </summary>
public sealed class MeetingEvents(IGrainFactory grains, ILogger<MeetingEvents> log) : IMeetingEvents
{
    public async Task ChangedAsync(Meeting meeting)
    {
        log.LogInformation("Meeting {MeetingId} of fair {FairId} is {Status} (buyer {BuyerId}, producer {ProducerId}, {StartsAt})",
            meeting.MeetingId, meeting.FairId, meeting.Status, meeting.BuyerId, meeting.ProducerId, meeting.StartsAt);
        var buyer = grains.GetGrain<IBuyerGrain>(meeting.BuyerId).GetAsync();
        var producer = grains.GetGrain<IProducerGrain>(meeting.ProducerId).GetAsync();
        var push = grains.GetGrain<IPushGrain>(0);
        foreach (var owner in new[] { (await buyer)?.OwnerUserId, (await producer)?.OwnerUserId }.OfType<string>().Distinct())
        {
            await push.PublishPrivateAsync(new PrivateEvent(owner, EventTypes.MeetingChanged, null, Meeting: meeting));
        }
    }

    public async Task CountsChangedAsync(string fairId, ImmutableDictionary<MeetingStatus, int> counts)
    {
        if (await grains.GetGrain<IFairGrain>(fairId).GetAsync() is not { } fair) return;
        await grains.GetGrain<IPushGrain>(0).PublishPrivateAsync(
            new PrivateEvent(fair.OrganiserId, EventTypes.BoardChanged, null, MeetingCounts: new MeetingCounts(fairId, counts)));
    }
}
