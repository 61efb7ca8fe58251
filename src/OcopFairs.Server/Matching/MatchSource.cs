using System.Collections.Immutable;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Grains;

namespace OcopFairs.Server.Matching;

/// <summary>The matching index's sources in PostgreSQL (approved applications, registrations, marks) and its private pushes.</summary>
public sealed class MatchSource(NpgsqlDataSource db, IGrainFactory grains) : IMatchSource
{
    public async Task<ImmutableArray<string>> ExhibitorsAsync(string fairId) =>
        await ListAsync("SELECT DISTINCT producer_id FROM app.applications WHERE fair_id = $1 AND status = 'Approved'", fairId);

    public async Task<bool> IsExhibitorAsync(string fairId, string producerId)
    {
        await using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM app.applications WHERE fair_id = $1 AND producer_id = $2 AND status = 'Approved')");
        cmd.Parameters.AddWithValue(fairId);
        cmd.Parameters.AddWithValue(producerId);
        return (bool)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task<ImmutableArray<string>> BuyersAsync(string fairId) =>
        await ListAsync("SELECT buyer_id FROM app.fair_buyers WHERE fair_id = $1", fairId);

    public async Task<IReadOnlyDictionary<(string BuyerId, string ProducerId), MatchMark>> MarksAsync(string fairId)
    {
        var marks = new Dictionary<(string, string), MatchMark>();
        await using var cmd = db.CreateCommand("SELECT buyer_id, producer_id, mark FROM app.match_marks WHERE fair_id = $1");
        cmd.Parameters.AddWithValue(fairId);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) marks[(reader.GetString(0), reader.GetString(1))] = Enum.Parse<MatchMark>(reader.GetString(2));
        return marks;
    }

    public async Task SaveMarkAsync(string fairId, string buyerId, string producerId, MatchMark mark)
    {
        await using var cmd = db.CreateCommand(mark == MatchMark.None
            ? "DELETE FROM app.match_marks WHERE fair_id = $1 AND buyer_id = $2 AND producer_id = $3"
            : """
              INSERT INTO app.match_marks (fair_id, buyer_id, producer_id, mark) VALUES ($1, $2, $3, $4)
              ON CONFLICT (fair_id, buyer_id, producer_id) DO UPDATE SET mark = EXCLUDED.mark, updated_at = now()
              """);
        cmd.Parameters.AddWithValue(fairId);
        cmd.Parameters.AddWithValue(buyerId);
        cmd.Parameters.AddWithValue(producerId);
        if (mark != MatchMark.None) cmd.Parameters.AddWithValue(mark.ToString());
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task NotifyAsync(IReadOnlyCollection<string> userIds, MatchesChanged change)
    {
        var push = grains.GetGrain<IPushGrain>(0);
        await Task.WhenAll(userIds.Select(u => push.PublishPrivateAsync(new PrivateEvent(u, EventTypes.MatchesChanged, null, Matches: change))));
    }

    /// <summary>Booth codes of the given exhibitors at the fair (held or confirmed), for the answers' "where to find them".</summary>
    public async Task<Dictionary<string, List<string>>> BoothsAsync(string fairId, IEnumerable<string> producerIds)
    {
        var booths = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        await using var cmd = db.CreateCommand(
            "SELECT producer_id, booth_code FROM app.floor_booths WHERE fair_id = $1 AND producer_id = ANY($2) ORDER BY booth_code");
        cmd.Parameters.AddWithValue(fairId);
        cmd.Parameters.AddWithValue(producerIds.Distinct().ToArray());
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetString(0);
            if (!booths.TryGetValue(id, out var list)) booths[id] = list = [];
            list.Add(reader.GetString(1));
        }

        return booths;
    }

    private async Task<ImmutableArray<string>> ListAsync(string sql, string fairId)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddWithValue(fairId);
        var list = ImmutableArray.CreateBuilder<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list.ToImmutable();
    }
}

/// <summary>
/// Tells the fairs' matching indexes what changed elsewhere: a buyer's needs or registration, an exhibitor's approval or
/// catalogue. One-way: the caller (a grain's side effect) never waits on the re-ranking.
/// </summary>
public sealed class MatchSignals(NpgsqlDataSource db, IGrainFactory grains, ILogger<MatchSignals> log)
{
    public async Task BuyerChangedAsync(string buyerId, string? onlyFairId = null)
    {
        foreach (var fairId in onlyFairId is { } f ? [f] : await FairsAsync("SELECT fair_id FROM app.fair_buyers WHERE buyer_id = $1", buyerId))
        {
            await Safely(() => grains.GetGrain<IMatchIndexGrain>(fairId).BuyerChangedAsync(buyerId), fairId);
        }
    }

    public async Task ExhibitorChangedAsync(string producerId, string? onlyFairId = null)
    {
        foreach (var fairId in onlyFairId is { } f ? [f] : await FairsAsync(
            "SELECT DISTINCT fair_id FROM app.applications WHERE producer_id = $1 AND status = 'Approved'", producerId))
        {
            await Safely(() => grains.GetGrain<IMatchIndexGrain>(fairId).ExhibitorChangedAsync(producerId), fairId);
        }
    }

    private async Task Safely(Func<Task> signal, string fairId)
    {
        try
        {
            await signal();
        }
        catch (Exception e)
        {
            // The index is rebuilt from its sources on its next activation; a lost signal costs freshness, not data.
            log.LogWarning(e, "Could not tell the matching index of fair {FairId} about a change", fairId);
        }
    }

    private async Task<List<string>> FairsAsync(string sql, string id)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddWithValue(id);
        var list = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) list.Add(reader.GetString(0));
        return list;
    }
}
