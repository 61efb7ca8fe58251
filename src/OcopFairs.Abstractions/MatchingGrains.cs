using System.Collections.Immutable;
using Orleans.Concurrency;

namespace OcopFairs.Abstractions;

/// <summary>A buyer's mark on a supplier: saved for later, or dismissed (never suggested again to that buyer).</summary>
public enum MatchMark { None, Saved, Dismissed }

/// <summary>One scored component of a match, with the numbers behind it (rendered in the reader's language by the server).</summary>
[GenerateSerializer, Immutable, Alias("ocop.MatchReasonView")]
public sealed record MatchReasonView(
    [property: Id(0)] string Code,
    [property: Id(1)] int Points,
    [property: Id(2)] int Max,
    [property: Id(3)] ImmutableDictionary<string, string> Facts);

/// <summary>A need of a buyer matched to an exhibitor's best product for it, with the score and its reasons.</summary>
[GenerateSerializer, Immutable, Alias("ocop.MatchEntry")]
public sealed record MatchEntry(
    [property: Id(0)] string BuyerId,
    [property: Id(1)] string NeedId,
    [property: Id(2)] string ProducerId,
    [property: Id(3)] string ProducerName,
    [property: Id(4)] string ProductId,
    [property: Id(5)] string ProductName,
    [property: Id(6)] int Score,
    [property: Id(7)] ImmutableArray<MatchReasonView> Reasons,
    [property: Id(8)] MatchMark Mark);

/// <summary>What changed for one user: their ranked suppliers (a buyer) or interested buyers (an exhibitor).</summary>
[GenerateSerializer, Immutable, Alias("ocop.MatchesChanged")]
public sealed record MatchesChanged(
    [property: Id(0)] string FairId,
    [property: Id(1)] string Side,
    [property: Id(2)] string Cause);

/// <summary>A buyer–exhibitor pair for the organiser's schedule, worth the best score of the buyer's needs for the exhibitor.</summary>
[GenerateSerializer, Immutable, Alias("ocop.WishScore")]
public sealed record WishScore(
    [property: Id(0)] string BuyerId,
    [property: Id(1)] string ProducerId,
    [property: Id(2)] int Score);

/// <summary>
/// A fair's matching index [fairId]: every product of its approved exhibitors and every need of its registered buyers,
/// kept in memory and re-ranked as they change. Its sources are durable elsewhere (catalogue, applications,
/// registrations); only the buyers' marks are its own, in PostgreSQL.
/// </summary>
public interface IMatchIndexGrain : IGrainWithStringKey
{
    /// <summary>The buyer's best suppliers for one need (or each need in turn), best first; the buyer need not be registered.</summary>
    Task<ImmutableArray<MatchEntry>> TopAsync(string buyerId, string? needId, int limit);

    /// <summary>Registered buyers whose needs rank this exhibitor among their best, best score first.</summary>
    Task<ImmutableArray<MatchEntry>> InterestedAsync(string producerId, int limit);

    /// <summary>Each registered buyer's best <paramref name="perBuyer"/> exhibitors over all its needs: the schedule's default wishes.</summary>
    Task<ImmutableArray<WishScore>> WishesAsync(int perBuyer);

    /// <summary>
    /// Scores the given pairs (the score given is ignored): registered buyers and approved exhibitors only; a pair the
    /// rules veto still counts 1, since the organiser asked for it.
    /// </summary>
    Task<ImmutableArray<WishScore>> ScoreAsync(ImmutableArray<WishScore> pairs);

    /// <summary>Saves, dismisses or clears a supplier for the buyer; false when the supplier does not exhibit.</summary>
    Task<bool> MarkAsync(string buyerId, string producerId, MatchMark mark);

    /// <summary>A buyer's needs or registration changed: re-rank that buyer and tell whom it concerns.</summary>
    [OneWay]
    Task BuyerChangedAsync(string buyerId);

    /// <summary>An exhibitor was approved or withdrawn, or its products changed: re-rank the needs it touches.</summary>
    [OneWay]
    Task ExhibitorChangedAsync(string producerId);
}
