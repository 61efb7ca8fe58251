using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Grains;

/// <summary>
/// The searchable copy of producers and products (in PostgreSQL in the server). Grains call it after each durable
/// change; it must be idempotent, since a retried change writes the same rows again.
/// </summary>
public interface ICatalogIndex
{
    Task UpsertProducerAsync(ProducerView producer);
}

/// <summary>
/// What happens outside the exhibitor grain when an application changes: the review queue's copy is updated (in
/// PostgreSQL in the server) and the producer is told (inbox and live event, in their language).
/// </summary>
public interface IApplicationEvents
{
    Task ChangedAsync(ApplicationView application, ApplicationStatus? previous);

    /// <summary>Producer ids of the fair's waitlisted applications, first in line first.</summary>
    Task<ImmutableArray<string>> WaitlistAsync(string fairId);
}

/// <summary>Booth side effects outside the grain: the expiry job (Hangfire in the server) and telling the producer.</summary>
public interface IBoothEvents
{
    /// <summary>Schedules the release of a hold at its expiry; scheduling the same hold twice is harmless.</summary>
    Task ScheduleExpiryAsync(string fairId, string boothCode, string holdId, DateTimeOffset expiresAt);

    /// <summary>
    /// Tells a producer about a change to their booth (the inbox in the server). Called only once the change is durable;
    /// <see cref="BoothNotice.Version"/> (the fair version of the change) makes a repeat harmless.
    /// </summary>
    Task BoothChangedAsync(BoothNotice notice);
}

/// <summary>What happened to a producer's booth, from that producer's side.</summary>
public enum BoothNoticeKind
{
    Held,
    Confirmed,
    Released,
    Expired,
    Assigned,
    Unassigned,
}

/// <summary>A durable change to <see cref="ProducerId"/>'s booth, made at fair version <see cref="Version"/>.</summary>
public sealed record BoothNotice(
    string FairId,
    long Version,
    string BoothCode,
    string? Zone,
    BoothNoticeKind Kind,
    string ProducerId,
    DateTimeOffset? HoldExpiresAt);

/// <summary>
/// Where the live floor of a fair is kept (PostgreSQL in the server). A save carries only what changed since the
/// write it builds on, and is all-or-nothing. Saves of one floor may overlap: each names the write before it (the
/// version that write brought the floor to and its <see cref="FloorDelta.WriteId"/>), and is stored only right after
/// that write. A save that arrives first waits for it, for a bounded time; it fails when the floor has moved on
/// without that write (it failed, or another activation wrote).
/// </summary>
public interface IFloorStore
{
    /// <summary>
    /// The stored floor with its newest <paramref name="backlog"/> events and <paramref name="keys"/> keys, and the id of
    /// the write that stored it (<see cref="FloorLiveState.WriteId"/>), or null when none is stored.
    /// </summary>
    Task<FloorLiveState?> LoadAsync(string fairId, int backlog, int keys);

    /// <param name="expectedVersion">The version the write before this one brought the floor to (0: none stored).</param>
    /// <param name="expectedWrite">That write's id (null for none, or a floor stored before writes had ids).</param>
    Task SaveAsync(string fairId, long expectedVersion, Guid? expectedWrite, FloorDelta delta);
}

/// <summary>
/// The changes of one group commit: booths whose occupation changed (a null slot: the booth is free now), new events
/// (oldest first) and new Idempotency-Keys, bringing the floor to <see cref="Version"/>; and the plan and the rules when
/// the commit changed them (null otherwise).
/// </summary>
public sealed record FloorDelta(
    long Version,
    IReadOnlyList<KeyValuePair<string, BoothSlot?>> Booths,
    IReadOnlyList<LiveEvent> Events,
    IReadOnlyList<KeyedResult> Keys)
{
    /// <summary>This save's id, which the next save names as the write it builds on.</summary>
    public Guid WriteId { get; init; } = Guid.NewGuid();

    /// <summary>The new plan, when this commit changed it.</summary>
    public FloorPlan? Plan { get; init; }

    /// <summary>The new rules, when this commit changed them.</summary>
    public FloorRules? Rules { get; init; }

    public bool IsEmpty => Booths.Count == 0 && Events.Count == 0 && Keys.Count == 0 && Plan is null && Rules is null;

    /// <summary>
    /// What turns <paramref name="from"/> into <paramref name="to"/>. When the caller knows which booths it changed
    /// (<paramref name="touched"/>), only those are compared; otherwise every booth is. New keys are found from the end,
    /// since keys are only ever appended (the oldest dropping out at the front).
    /// </summary>
    public static FloorDelta Between(FloorLiveState from, FloorLiveState to, IReadOnlyCollection<string>? touched = null)
    {
        var booths = new List<KeyValuePair<string, BoothSlot?>>();
        if (!ReferenceEquals(from.Booths, to.Booths))
        {
            // A booth no longer on the floor compares as null, which the store takes as its removal.
            foreach (var code in touched ?? to.Booths.Keys.Union(from.Booths.Keys, StringComparer.Ordinal))
            {
                var slot = to.Booths.GetValueOrDefault(code);
                if (!Equals(from.Booths.GetValueOrDefault(code), slot))
                {
                    booths.Add(new(code, slot));
                }
            }
        }

        var events = to.Backlog.IsDefault ? [] : to.Backlog.Where(e => e.Version > from.Version).ToList();
        return new FloorDelta(to.Version, booths, events, NewKeys(from.Keys, to.Keys))
        {
            Plan = ReferenceEquals(from.Plan, to.Plan) ? null : to.Plan,
            Rules = to.Rules is { } rules && rules != from.Rules ? rules : null,
        };
    }

    private static IReadOnlyList<KeyedResult> NewKeys(ImmutableArray<KeyedResult> from, ImmutableArray<KeyedResult> to)
    {
        if (to.IsDefault || to.IsEmpty || from == to)
        {
            return [];
        }

        if (!from.IsDefault && !from.IsEmpty)
        {
            // The keys after the last one already stored are the new ones.
            for (var i = to.Length - 1; i >= 0; i--)
            {
                if (ReferenceEquals(to[i], from[^1]))
                {
                    return to[(i + 1)..];
                }
            }
        }

        var known = from.IsDefault ? [] : from.Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        return [.. to.Where(k => !known.Contains(k.Key))];
    }
}

/// <summary>
/// Where deals are kept (PostgreSQL in the server): one row per deal with its board entry, every version of its terms,
/// and the Idempotency-Keys of create, propose and sign with the answer each got.
/// </summary>
public interface IDealStore
{
    /// <summary>The deal and its versions, oldest first; (null, empty) when none is stored under this id.</summary>
    Task<(Deal? Deal, ImmutableArray<DealVersion> Versions)> LoadAsync(string dealId);

    /// <summary>The answer stored with an Idempotency-Key of this deal, or null.</summary>
    Task<Deal?> KeyedAsync(string dealId, string key);

    /// <summary>
    /// In one transaction: the deal and its board entry, stored only over <paramref name="expectedRevision"/> (0: a new
    /// deal), so an older writer never lands over a newer one (it fails whole); the version row of its current terms
    /// (inserted, or its signatures updated); and the key with the deal as its answer, when given.
    /// </summary>
    Task SaveAsync(Deal deal, DealBoardEntry board, long expectedRevision, DealVersion version, string? idempotencyKey);
}

/// <summary>
/// What follows a durable change of a deal: both parties' users get a private <c>DealChanged</c>, and the fair's board
/// takes the deal's entry (with the announcement when this change made it count). Failures are logged, never undo
/// or fail the change.
/// </summary>
public interface IDealEvents
{
    Task ChangedAsync(Deal deal, DealBoardEntry entry, DealAnnouncement? signed);
}
