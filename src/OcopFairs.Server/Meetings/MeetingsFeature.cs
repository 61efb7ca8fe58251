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
        return builder;
    }

    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder app) => app.MapMeetingsApi();
}

/// <summary>
/// Logs every meeting change for operators. Private live events and inbox entries to both sides follow once the
/// notifications speak kind-and-facts (issue 16); clients read their agenda with GET …/meetings meanwhile.
/// </summary>
public sealed class MeetingEvents(ILogger<MeetingEvents> log) : IMeetingEvents
{
    public Task ChangedAsync(Meeting meeting)
    {
        log.LogInformation("Meeting {MeetingId} of fair {FairId} is {Status} (buyer {BuyerId}, producer {ProducerId}, {StartsAt})",
            meeting.MeetingId, meeting.FairId, meeting.Status, meeting.BuyerId, meeting.ProducerId, meeting.StartsAt);
        return Task.CompletedTask;
    }
}
