using System.Collections.Immutable;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Grains;

/// <summary>
/// Where a fair's matching index reads its sources and keeps the buyers' marks (PostgreSQL in the server), and how it
/// tells users their matches changed (private live events).
/// </summary>
public interface IMatchSource
{
    /// <summary>Producer ids of the fair's approved exhibitors.</summary>
    Task<ImmutableArray<string>> ExhibitorsAsync(string fairId);

    /// <summary>Whether the producer is an approved exhibitor of the fair.</summary>
    Task<bool> IsExhibitorAsync(string fairId, string producerId);

    /// <summary>Buyer ids registered for the fair.</summary>
    Task<ImmutableArray<string>> BuyersAsync(string fairId);

    Task<IReadOnlyDictionary<(string BuyerId, string ProducerId), MatchMark>> MarksAsync(string fairId);

    Task SaveMarkAsync(string fairId, string buyerId, string producerId, MatchMark mark);

    Task NotifyAsync(IReadOnlyCollection<string> userIds, MatchesChanged change);
}

/// <summary>
/// A fair's matching index. Built on activation from the approved exhibitors' catalogues and the registered buyers'
/// needs, then kept current by change signals. Each need's best <see cref="Cached"/> suppliers are ranked once and
/// reused; an exhibitor's change re-scores only that exhibitor against every need, and drops a need's ranking only
/// when the exhibitor was in it or now belongs in it.
/// </summary>
public sealed class MatchIndexGrain(IMatchSource source) : Grain, IMatchIndexGrain
{
    /// <summary>How many suppliers a need's ranking keeps (and the most a caller may ask for).</summary>
    public const int Cached = 50;

    /// <summary>The least score at which a buyer counts as interested in an exhibitor.</summary>
    public const int MinInterest = 40;

    private readonly Dictionary<string, Exhibitor> _exhibitors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Buyer> _buyers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _registered = new(StringComparer.Ordinal);
    private readonly Dictionary<(string BuyerId, string ProducerId), MatchMark> _marks = [];
    private readonly Dictionary<string, IReadOnlyList<MatchScore>> _rankings = new(StringComparer.Ordinal);
    private MatchCandidate[] _all = [];
    private DateOnly _lastDay = DateOnly.MaxValue;

    private sealed record Exhibitor(string ProducerId, string? OwnerUserId, ImmutableArray<MatchCandidate> Products);

    private sealed record Buyer(string BuyerId, string? OwnerUserId, ImmutableArray<PreparedNeed> Needs);

    private string FairId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await LoadFairAsync();
        foreach (var batch in (await source.ExhibitorsAsync(FairId)).Chunk(64))
        {
            foreach (var e in await Task.WhenAll(batch.Select(LoadExhibitorAsync)))
            {
                if (e is not null) _exhibitors[e.ProducerId] = e;
            }
        }

        foreach (var batch in (await source.BuyersAsync(FairId)).Chunk(64))
        {
            foreach (var b in await Task.WhenAll(batch.Select(LoadBuyerAsync)))
            {
                if (b is null) continue;
                _buyers[b.BuyerId] = b;
                _registered.Add(b.BuyerId);
            }
        }

        foreach (var (key, mark) in await source.MarksAsync(FairId)) _marks[key] = mark;
        Reindex();
    }

    public async Task<ImmutableArray<MatchEntry>> TopAsync(string buyerId, string? needId, int limit)
    {
        if (!_buyers.TryGetValue(buyerId, out var buyer))
        {
            // Not registered: ranked all the same (a buyer looks before deciding to come), just not kept current.
            buyer = await LoadBuyerAsync(buyerId);
            if (buyer is null) return [];
            if (_registered.Contains(buyerId)) _buyers[buyerId] = buyer;
        }

        var needs = needId is null ? buyer.Needs : [.. buyer.Needs.Where(n => n.Need.NeedId == needId)];
        limit = Math.Clamp(limit, 1, Cached);
        var entries = new List<MatchEntry>();
        foreach (var need in needs)
        {
            entries.AddRange(Ranking(buyer, need).Take(limit).Select(s => Entry(buyerId, need, s)));
        }

        return [.. entries];
    }

    public Task<ImmutableArray<MatchEntry>> InterestedAsync(string producerId, int limit)
    {
        if (!_exhibitors.TryGetValue(producerId, out var exhibitor)) return Task.FromResult(ImmutableArray<MatchEntry>.Empty);
        var entries = new List<MatchEntry>();
        foreach (var buyer in _registered.Select(id => _buyers.GetValueOrDefault(id)).OfType<Buyer>())
        {
            var mark = _marks.GetValueOrDefault((buyer.BuyerId, producerId));
            if (mark == MatchMark.Dismissed) continue;
            foreach (var need in buyer.Needs)
            {
                if (Best(need, exhibitor.Products) is not { } best) continue;
                if (best.Points < MinInterest && mark != MatchMark.Saved) continue;
                entries.Add(Entry(buyer.BuyerId, need, Matching.Score(need, best.Candidate, _lastDay)));
            }
        }

        return Task.FromResult<ImmutableArray<MatchEntry>>([.. entries
            .OrderByDescending(e => e.Score).ThenBy(e => e.BuyerId, StringComparer.Ordinal).ThenBy(e => e.NeedId, StringComparer.Ordinal)
            .Take(Math.Clamp(limit, 1, 200))]);
    }

    public Task<ImmutableArray<WishScore>> WishesAsync(int perBuyer)
    {
        var wishes = ImmutableArray.CreateBuilder<WishScore>();
        foreach (var buyer in _registered.Order(StringComparer.Ordinal).Select(id => _buyers.GetValueOrDefault(id)).OfType<Buyer>())
        {
            var best = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var need in buyer.Needs)
            {
                foreach (var s in Ranking(buyer, need))
                {
                    if (s.Score > best.GetValueOrDefault(s.Candidate.ProducerId)) best[s.Candidate.ProducerId] = s.Score;
                }
            }

            wishes.AddRange(best.OrderByDescending(b => b.Value).ThenBy(b => b.Key, StringComparer.Ordinal)
                .Take(Math.Max(0, perBuyer)).Select(b => new WishScore(buyer.BuyerId, b.Key, b.Value)));
        }

        return Task.FromResult(wishes.ToImmutable());
    }

    public Task<ImmutableArray<WishScore>> ScoreAsync(ImmutableArray<WishScore> pairs)
    {
        var scored = ImmutableArray.CreateBuilder<WishScore>();
        foreach (var pair in pairs)
        {
            if (!_registered.Contains(pair.BuyerId) || !_buyers.TryGetValue(pair.BuyerId, out var buyer)
                || !_exhibitors.TryGetValue(pair.ProducerId, out var exhibitor)) continue;
            var score = buyer.Needs.Select(n => Best(n, exhibitor.Products)?.Points ?? 0).DefaultIfEmpty(0).Max();
            scored.Add(pair with { Score = Math.Max(1, score) });
        }

        return Task.FromResult(scored.ToImmutable());
    }

    public async Task<bool> MarkAsync(string buyerId, string producerId, MatchMark mark)
    {
        if (!_exhibitors.TryGetValue(producerId, out var exhibitor)) return false;
        var key = (buyerId, producerId);
        if (_marks.GetValueOrDefault(key) == mark) return true;
        await source.SaveMarkAsync(FairId, buyerId, producerId, mark);
        if (mark == MatchMark.None) _marks.Remove(key);
        else _marks[key] = mark;

        if (_buyers.TryGetValue(buyerId, out var buyer))
        {
            foreach (var need in buyer.Needs) _rankings.Remove(need.Need.NeedId);
            await NotifyAsync(buyer.OwnerUserId, "buyer", "mark");
        }

        await NotifyAsync(exhibitor.OwnerUserId, "producer", "mark");
        return true;
    }

    public async Task BuyerChangedAsync(string buyerId)
    {
        var registered = (await source.BuyersAsync(FairId)).Contains(buyerId);
        var before = _buyers.GetValueOrDefault(buyerId);
        var after = await LoadBuyerAsync(buyerId);
        foreach (var need in before?.Needs ?? []) _rankings.Remove(need.Need.NeedId);
        if (registered && after is not null)
        {
            _buyers[buyerId] = after;
            _registered.Add(buyerId);
        }
        else
        {
            _buyers.Remove(buyerId);
            _registered.Remove(buyerId);
        }

        await NotifyAsync(after?.OwnerUserId ?? before?.OwnerUserId, "buyer", "needs");

        // The exhibitors this buyer is (or was) interested in see a changed list of interested buyers.
        var touched = new HashSet<string>(StringComparer.Ordinal);
        foreach (var exhibitor in _exhibitors.Values)
        {
            var was = before is null || !Interested(before.Needs, exhibitor) ? null : exhibitor;
            var now = after is null || !registered || !Interested(after.Needs, exhibitor) ? null : exhibitor;
            if (was is not null || now is not null) touched.Add(exhibitor.OwnerUserId ?? "");
        }

        touched.Remove("");
        if (touched.Count > 0) await source.NotifyAsync(touched, new MatchesChanged(FairId, "producer", "needs"));
    }

    public async Task ExhibitorChangedAsync(string producerId)
    {
        await LoadFairAsync();
        var before = _exhibitors.GetValueOrDefault(producerId);
        var after = await source.IsExhibitorAsync(FairId, producerId) ? await LoadExhibitorAsync(producerId) : null;
        if (after is null) _exhibitors.Remove(producerId);
        else _exhibitors[producerId] = after;
        Reindex();

        var buyersTold = new HashSet<string>(StringComparer.Ordinal);
        var producerTold = false;
        foreach (var buyer in _registered.Select(id => _buyers.GetValueOrDefault(id)).OfType<Buyer>())
        {
            if (_marks.GetValueOrDefault((buyer.BuyerId, producerId)) == MatchMark.Dismissed) continue;
            foreach (var need in buyer.Needs)
            {
                var old = before is null ? null : Best(need, before.Products);
                var now = after is null ? null : Best(need, after.Products);
                if (old?.Points == now?.Points && old?.Candidate == now?.Candidate) continue;
                if (Math.Max(old?.Points ?? -1, now?.Points ?? -1) >= MinInterest) producerTold = true;

                var id = need.Need.NeedId;
                if (_rankings.TryGetValue(id, out var ranking))
                {
                    var inIt = ranking.Any(s => s.Candidate.ProducerId == producerId);
                    var belongs = now is { } n && (ranking.Count < Cached || n.Points >= ranking[^1].Score);
                    if (!inIt && !belongs) continue;
                    _rankings.Remove(id);
                    buyersTold.Add(buyer.OwnerUserId ?? "");
                }
                else if (Math.Max(old?.Points ?? -1, now?.Points ?? -1) >= MinInterest)
                {
                    buyersTold.Add(buyer.OwnerUserId ?? "");
                }
            }
        }

        buyersTold.Remove("");
        if (buyersTold.Count > 0) await source.NotifyAsync(buyersTold, new MatchesChanged(FairId, "buyer", "exhibitors"));
        if (producerTold || before is null != after is null) await NotifyAsync((after ?? before)?.OwnerUserId, "producer", "exhibitors");
    }

    private IReadOnlyList<MatchScore> Ranking(Buyer buyer, PreparedNeed need)
    {
        var cacheable = _registered.Contains(buyer.BuyerId);
        if (cacheable && _rankings.TryGetValue(need.Need.NeedId, out var cached)) return cached;
        var dismissed = _marks.Where(m => m.Key.BuyerId == buyer.BuyerId && m.Value == MatchMark.Dismissed)
            .Select(m => m.Key.ProducerId).ToHashSet(StringComparer.Ordinal);
        var ranking = Matching.Rank(need, _all, _lastDay, dismissed, Cached);
        if (cacheable) _rankings[need.Need.NeedId] = ranking;
        return ranking;
    }

    private (int Points, MatchCandidate Candidate)? Best(PreparedNeed need, ImmutableArray<MatchCandidate> products)
    {
        (int Points, MatchCandidate Candidate)? best = null;
        foreach (var c in products)
        {
            if (!Matching.QuickFit(need.Need, c, _lastDay)) continue;
            var (points, veto) = Matching.Points(need, c, _lastDay);
            if (veto is null && (best is null || points > best.Value.Points)) best = (points, c);
        }

        return best;
    }

    private bool Interested(ImmutableArray<PreparedNeed> needs, Exhibitor exhibitor) =>
        needs.Any(n => Best(n, exhibitor.Products) is { Points: >= MinInterest });

    private MatchEntry Entry(string buyerId, PreparedNeed need, MatchScore s) => new(
        buyerId, need.Need.NeedId, s.Candidate.ProducerId, s.Candidate.ProducerName, s.Candidate.ProductId, s.Candidate.ProductName, s.Score,
        [.. s.Reasons.Select(r => new MatchReasonView(r.Code, r.Points, r.Max, r.Facts))],
        _marks.GetValueOrDefault((buyerId, s.Candidate.ProducerId)));

    private void Reindex()
    {
        _all = [.. _exhibitors.Values.SelectMany(e => e.Products)];
        _rankings.Clear();
    }

    private async Task LoadFairAsync()
    {
        if (await GrainFactory.GetGrain<IFairGrain>(FairId).GetAsync() is not { } fair) return;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(fair.Details.TimeZone);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fair.Details.EndsAt, zone).DateTime);
        if (lastDay != _lastDay) _rankings.Clear();
        _lastDay = lastDay;
    }

    private async Task<Exhibitor?> LoadExhibitorAsync(string producerId)
    {
        if (await GrainFactory.GetGrain<IProducerGrain>(producerId).GetAsync() is not { } p) return null;
        var products = p.Products.IsDefault ? [] : p.Products;
        return new Exhibitor(p.ProducerId, p.OwnerUserId, [.. products.Select(x => new MatchCandidate(
            p.ProducerId, p.Profile.Name, p.Profile.Puc, x.ProductId, x.Name, MatchCandidate.Fold(x.Name, x.SubGroup, p.Profile.Name),
            x.Group, x.Stars, x.CertificateExpiresOn, x.Certifications.IsDefault ? [] : x.Certifications, x.CapacityPerMonth, x.PriceRange, []))]);
    }

    private async Task<Buyer?> LoadBuyerAsync(string buyerId)
    {
        if (await GrainFactory.GetGrain<IBuyerGrain>(buyerId).GetAsync() is not { } b) return null;
        var needs = b.Profile.Needs.IsDefault ? [] : b.Profile.Needs;
        return new Buyer(b.BuyerId, b.OwnerUserId, [.. needs.Select(Matching.Prepare)]);
    }

    private Task NotifyAsync(string? userId, string side, string cause) =>
        userId is null ? Task.CompletedTask : source.NotifyAsync([userId], new MatchesChanged(FairId, side, cause));
}
