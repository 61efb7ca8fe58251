using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Grains;

/// <summary>
/// One deal's ledger [dealId]. Not reentrant: one call decides at a time, so two signatures, or a change and a
/// signature, are decided one after the other and the second sees the first (a signature on a version the terms have
/// moved past is refused). Each call asks the Domain rule, saves (deal, version row and key in one transaction), and
/// only then answers and tells the parties and the fair's board.
/// </summary>
public sealed class DealGrain(IDealStore store, IDealEvents events, TimeProvider clock, ILogger<DealGrain> log) : Grain, IDealGrain
{
    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);
    private Deal? _deal;
    private ImmutableArray<DealVersion> _versions = [];

    private string DealId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var (deal, versions) = await store.LoadAsync(DealId);
        _deal = deal;
        _versions = versions.IsDefault ? [] : versions;
    }

    /// <summary>The day in Vietnam (no daylight saving), which validity dates are written in.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(VietnamOffset).DateTime);

    public Task<Deal?> GetAsync() => Task.FromResult(_deal is null ? null : DealRules.AsOf(_deal, Today(clock.GetUtcNow())));

    public Task<ImmutableArray<DealVersion>> VersionsAsync() => Task.FromResult(_versions);

    public async Task<Deal> CreateAsync(NewDeal deal, DealActor by, string? idempotencyKey)
    {
        if (await KeyedAsync(idempotencyKey) is { } earlier) return earlier;
        if (_deal is not null) throw DomainException.Conflict("deal.exists", "A deal with this id exists.");
        return await ApplyAsync(DealRules.Create(DealId, deal, by, clock.GetUtcNow()), by, idempotencyKey);
    }

    public Task<Deal> ChangeAsync(DealTerms terms, DealActor by) => DecideAsync(by, null, (d, now) => DealRules.Change(d, terms, by, now));

    public Task<Deal> ProposeAsync(DealActor by, string? idempotencyKey) =>
        DecideAsync(by, Scoped("propose", by, idempotencyKey), (d, now) => DealRules.Propose(d, by, now));

    public Task<Deal> SignAsync(int version, DealActor by, string? idempotencyKey) =>
        DecideAsync(by, Scoped("sign", by, idempotencyKey), (d, now) => DealRules.Sign(d, version, by, now));

    public Task<Deal> CancelAsync(DealActor by, string reason) => DecideAsync(by, null, (d, now) => DealRules.Cancel(d, by, reason, now));

    public Task<Deal> FollowUpAsync(DealActor by, int atMonths, DeliveryStatus status, decimal? quantityDelivered, string? unit, string? note) =>
        DecideAsync(by, null, (d, now) => DealRules.FollowUp(d, by, atMonths, status, quantityDelivered, unit, note, now));

    public Task<Deal> ShowPricesAsync(DealActor by, bool show) => DecideAsync(by, null, (d, now) => DealRules.ShowPrices(d, by, show, now));

    /// <summary>
    /// A key of one side's propose or sign: the other side's key, or one given to another operation, never answers it.
    /// (A create's key already names the deal: its id is derived from the caller and the key.)
    /// </summary>
    private static string? Scoped(string operation, DealActor by, string? key) => key is null ? null : $"{operation}:{by.Side}:{key}";

    private async Task<Deal?> KeyedAsync(string? key)
    {
        if (key is null) return null;
        var earlier = await store.KeyedAsync(DealId, key);
        return earlier is null ? null : DealRules.AsOf(earlier, Today(clock.GetUtcNow()));
    }

    private async Task<Deal> DecideAsync(DealActor by, string? idempotencyKey, Func<Deal, DateTimeOffset, DealDecision> rule)
    {
        // Someone else's deal answers as a missing one, so ids cannot be probed (a key does not open it either).
        if (_deal is null || DealRules.Party(_deal, by) is not null) throw DomainException.NotFound("deal.notFound", "No such deal of yours.");
        if (await KeyedAsync(idempotencyKey) is { } earlier) return earlier;
        var now = clock.GetUtcNow();
        return await ApplyAsync(rule(DealRules.AsOf(_deal, Today(now)), now), by, idempotencyKey);
    }

    private async Task<Deal> ApplyAsync(DealDecision decision, DealActor by, string? idempotencyKey)
    {
        var now = clock.GetUtcNow();
        switch (decision)
        {
            case DealDecision.Refused { Refusal: var refusal }:
                throw refusal.ToException();
            case DealDecision.Unchanged { Current: var current }:
                return DealRules.AsOf(current, Today(now));
            case DealDecision.Change { Next: var decided }:
                var next = DealRules.AsOf(decided, Today(now));
                var previous = _deal;
                var newVersion = previous is null || next.Version != previous.Version || _versions.IsEmpty;
                var version = newVersion
                    ? DealRules.CurrentVersion(next, by.Side, now)
                    : _versions[^1] with { Signatures = [.. next.Signatures.Where(s => s.Version == next.Version)] };
                var entry = DealRules.BoardEntry(next);
                try
                {
                    await store.SaveAsync(next, entry, previous?.Revision ?? 0, version, idempotencyKey);
                }
                catch (Exception)
                {
                    // Another writer may have moved the deal on (or the write failed half-way): start again from the store.
                    DeactivateOnIdle();
                    throw;
                }

                _deal = next;
                _versions = newVersion ? _versions.Add(version) : _versions.SetItem(_versions.Length - 1, version);
                var signed = (previous is null || !DealRules.Counted(previous)) ? DealRules.Announcement(next) : null;
                try
                {
                    await events.ChangedAsync(next, entry, signed);
                }
                catch (Exception e)
                {
                    // The change is durable and answered; the board rebuilds from the ledger, clients resync on reconnect.
                    log.LogWarning(e, "Could not tell the parties or the board about deal {DealId} revision {Revision}", next.DealId, next.Revision);
                }

                return next;
            default:
                throw new InvalidOperationException("Unknown decision.");
        }
    }
}
