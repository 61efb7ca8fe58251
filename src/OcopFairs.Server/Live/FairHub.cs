using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using OcopFairs.Abstractions;
using OcopFairs.Grains;
using OcopFairs.Server.Fairs;
using OcopFairs.Server.Infrastructure;
using OcopFairs.Server.Identity;

namespace OcopFairs.Server.Live;

/// <summary>
/// The one hub, at <c>/hubs/fairs</c>. Anyone may watch a fair's floor (a Draft fair's only its organiser and admins);
/// signed-in users also get their private events.
/// Push is a hint: a client that reconnects calls <see cref="JoinFair"/> with its last version and gets what it missed.
/// </summary>
public sealed class FairHub(IGrainFactory grains, FairVisibility visibility) : Hub
{
    public static string FairGroup(string fairId) => "fair:" + fairId;

    /// <summary>Watchers that take a fair's events as one <c>FairEvents</c> message per commit.</summary>
    public static string FairBatchGroup(string fairId) => "fair-batch:" + fairId;

    public static string UserGroup(string userId) => "user:" + userId;

    public override async Task OnConnectedAsync()
    {
        if (Context.User?.UserId() is { } userId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(userId));
        }

        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Starts watching a fair, one <c>FairEvent</c> message per event; answers the events after
    /// <paramref name="sinceVersion"/> or a snapshot.
    /// </summary>
    public Task<JoinFairResult> JoinFair(string fairId, long sinceVersion) => JoinAsync(fairId, sinceVersion, FairGroup(fairId));

    /// <summary>
    /// As <see cref="JoinFair"/>, but the events come as one <c>FairEvents</c> message per group commit of the floor
    /// (every event, in order, without gaps): a thousand holds in a rush are then about a hundred messages per watcher
    /// instead of a thousand. Its booth events carry the booth's occupancy only (<see cref="BoothChange"/>), as the
    /// watcher has the layout from its join. The web app and the hall display watch this way.
    /// </summary>
    public Task<JoinFairResult> JoinFairBatched(string fairId, long sinceVersion) => JoinAsync(fairId, sinceVersion, FairBatchGroup(fairId));

    public async Task LeaveFair(string fairId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, FairGroup(fairId));
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, FairBatchGroup(fairId));
    }

    private async Task<JoinFairResult> JoinAsync(string fairId, long sinceVersion, string group)
    {
        // A Draft fair is not there for anyone but its organiser and admins; past Draft this is answered from memory.
        if (!Endpoints.IsId(fairId) || !await visibility.CanSeeAsync(Context.User ?? new ClaimsPrincipal(), fairId))
        {
            throw new HubException("fair.notFound");
        }

        // Join first, then read: an event raised in between arrives twice at worst, and clients drop stale versions.
        // The read also tells whether the fair exists, so an unknown fair costs no extra call.
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        try
        {
            return JoinFairResult.From(await grains.GetGrain<IFairGrain>(fairId).GetChangesSinceAsync(sinceVersion));
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.NotFound)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
            throw new HubException("fair.notFound");
        }
    }
}
