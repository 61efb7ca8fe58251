using Microsoft.AspNetCore.SignalR;
using OcopFairs.Abstractions;
using OcopFairs.Grains;
using OcopFairs.Server.Fairs;
using OcopFairs.Server.Identity;

namespace OcopFairs.Server.Live;

/// <summary>
/// The one hub, at <c>/hubs/fairs</c>. Anyone may watch a fair's floor; signed-in users also get their private events.
/// Push is a hint: a client that reconnects calls <see cref="JoinFair"/> with its last version and gets what it missed.
/// </summary>
public sealed class FairHub(IGrainFactory grains) : Hub
{
    public static string FairGroup(string fairId) => "fair:" + fairId;

    public static string UserGroup(string userId) => "user:" + userId;

    public override async Task OnConnectedAsync()
    {
        if (Context.User?.UserId() is { } userId)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(userId));
        }

        await base.OnConnectedAsync();
    }

    /// <summary>Starts watching a fair; answers the events after <paramref name="sinceVersion"/> or a snapshot.</summary>
    public async Task<JoinFairResult> JoinFair(string fairId, long sinceVersion)
    {
        if (!FairsApi.IsId(fairId))
        {
            throw new HubException("fair.notFound");
        }

        // Join first, then read: an event raised in between arrives twice at worst, and clients drop stale versions.
        // The read also tells whether the fair exists, so an unknown fair costs no extra call.
        await Groups.AddToGroupAsync(Context.ConnectionId, FairGroup(fairId));
        try
        {
            return JoinFairResult.From(await grains.GetGrain<IFairGrain>(fairId).GetChangesSinceAsync(sinceVersion));
        }
        catch (DomainException ex) when (ex.Kind == DomainErrorKind.NotFound)
        {
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, FairGroup(fairId));
            throw new HubException("fair.notFound");
        }
    }

    public Task LeaveFair(string fairId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, FairGroup(fairId));
}
