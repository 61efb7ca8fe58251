using System.Collections.Concurrent;
using System.Security.Claims;
using OcopFairs.Abstractions;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Fairs;

/// <summary>
/// Who may see a fair: a Draft fair only its organiser and admins (to anyone else it does not exist: 404), any other
/// fair everyone. The watchers' hot paths (the floor read, the hub join) ask <see cref="CanSeeAsync"/>, which answers
/// from memory for a fair this node has seen past Draft: the lifecycle never goes back to Draft, so that fact never
/// goes stale, and a published fair costs its hundreds of watchers nothing. Only Draft fairs (watched by their
/// organiser alone) ask the fair grain each time. Per node, one entry per fair.
/// </summary>
public sealed class FairVisibility(IGrainFactory grains)
{
    private readonly ConcurrentDictionary<string, bool> _pastDraft = new(StringComparer.Ordinal);

    /// <summary>The organiser of each fair this node has read; a fair's organiser never changes.</summary>
    private readonly ConcurrentDictionary<string, string> _organisers = new(StringComparer.Ordinal);

    /// <summary>Whether the caller may see the fair; false too when there is no such fair (both answer 404).</summary>
    public async ValueTask<bool> CanSeeAsync(ClaimsPrincipal user, string fairId)
    {
        if (_pastDraft.ContainsKey(fairId))
        {
            return true;
        }

        var fair = await grains.GetGrain<IFairGrain>(fairId).GetAsync();
        if (fair is null)
        {
            return false;
        }

        Remember(fair.FairId, fair.Status, fair.OrganiserId);
        return user.SeesFair(fair);
    }

    /// <summary>The fairs of the directory the caller may see: the organiser's own Draft fairs, every Draft fair for admins.</summary>
    public async Task<IReadOnlyList<FairSummary>> VisibleAsync(ClaimsPrincipal user, IReadOnlyList<FairSummary> fairs)
    {
        if (user.IsInRole(Roles.Admin) || fairs.All(f => f.Status != FairStatus.Draft))
        {
            return fairs;
        }

        var userId = user.IsInRole(Roles.Organiser) ? user.UserId() : null;
        var shown = new List<FairSummary>(fairs.Count);
        foreach (var fair in fairs)
        {
            if (fair.Status != FairStatus.Draft || (userId is not null && await OrganiserAsync(fair.FairId) == userId))
            {
                shown.Add(fair);
            }
        }

        return shown;
    }

    private async ValueTask<string?> OrganiserAsync(string fairId)
    {
        if (_organisers.TryGetValue(fairId, out var organiserId))
        {
            return organiserId;
        }

        var fair = await grains.GetGrain<IFairGrain>(fairId).GetAsync();
        if (fair is not null)
        {
            Remember(fair.FairId, fair.Status, fair.OrganiserId);
        }

        return fair?.OrganiserId;
    }

    private void Remember(string fairId, FairStatus status, string organiserId)
    {
        _organisers.TryAdd(fairId, organiserId);
        if (status != FairStatus.Draft)
        {
            _pastDraft.TryAdd(fairId, true);
        }
    }
}
