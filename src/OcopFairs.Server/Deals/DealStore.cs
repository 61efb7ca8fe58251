using System.Collections.Immutable;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OcopFairs.Abstractions;
using OcopFairs.Grains;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Deals;

/// <summary>
/// Deals in <c>app.deals</c> (the deal and its board entry as JSON beside the columns reports and the board's rebuild
/// read), their versions in <c>app.deal_versions</c> and Idempotency-Keys in <c>app.deal_keys</c>.
/// </summary>
public sealed class DealStore(NpgsqlDataSource db) : IDealStore
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public async Task<(Deal? Deal, ImmutableArray<DealVersion> Versions)> LoadAsync(string dealId)
    {
        Deal? deal = null;
        await using (var cmd = db.CreateCommand("SELECT deal::text FROM app.deals WHERE deal_id = $1"))
        {
            cmd.Parameters.AddWithValue(dealId);
            if (await cmd.ExecuteScalarAsync() is string json) deal = JsonSerializer.Deserialize<Deal>(json, Json);
        }

        if (deal is null) return (null, []);
        var versions = ImmutableArray.CreateBuilder<DealVersion>();
        await using (var cmd = db.CreateCommand("SELECT body::text FROM app.deal_versions WHERE deal_id = $1 ORDER BY version"))
        {
            cmd.Parameters.AddWithValue(dealId);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) versions.Add(JsonSerializer.Deserialize<DealVersion>(reader.GetString(0), Json)!);
        }

        return (deal, versions.ToImmutable());
    }

    public async Task<Deal?> KeyedAsync(string dealId, string key)
    {
        await using var cmd = db.CreateCommand("SELECT result::text FROM app.deal_keys WHERE deal_id = $1 AND key = $2");
        cmd.Parameters.AddWithValue(dealId);
        cmd.Parameters.AddWithValue(key);
        return await cmd.ExecuteScalarAsync() is string json ? JsonSerializer.Deserialize<Deal>(json, Json) : null;
    }

    public async Task SaveAsync(Deal deal, DealBoardEntry board, long expectedRevision, DealVersion version, string? idempotencyKey)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var batch = new NpgsqlBatch(connection, tx);
        // The revision guard: a new deal inserts only where none is; a change lands only over the revision it was
        // decided from, so a stale writer (a second activation after a partition) fails instead of overwriting.
        var row = new NpgsqlBatchCommand(expectedRevision == 0
            ? """
              INSERT INTO app.deals (deal_id, fair_id, producer_id, buyer_id, kind, status, version, revision, counted, vnd, tonnes, signed_at, deal, board)
              VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
              ON CONFLICT (deal_id) DO NOTHING
              """
            : """
              UPDATE app.deals SET kind = $5, status = $6, version = $7, revision = $8, counted = $9, vnd = $10, tonnes = $11,
                  signed_at = $12, deal = $13, board = $14, updated_at = now()
              WHERE deal_id = $1 AND fair_id = $2 AND producer_id = $3 AND buyer_id = $4 AND revision = $15
              """);
        row.Parameters.AddWithValue(deal.DealId);
        row.Parameters.AddWithValue(deal.FairId);
        row.Parameters.AddWithValue(deal.Parties.ProducerId);
        row.Parameters.AddWithValue(deal.Parties.BuyerId);
        row.Parameters.AddWithValue(deal.Terms.Kind.ToString());
        row.Parameters.AddWithValue(deal.Status.ToString());
        row.Parameters.AddWithValue(deal.Version);
        row.Parameters.AddWithValue(deal.Revision);
        row.Parameters.AddWithValue(board.Counted);
        row.Parameters.AddWithValue(deal.Totals.Vnd);
        row.Parameters.AddWithValue(deal.Totals.Tonnes);
        row.Parameters.Add(new NpgsqlParameter { Value = (object?)deal.SignedAt?.ToUniversalTime() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        row.Parameters.Add(Jsonb(deal));
        row.Parameters.Add(Jsonb(board));
        if (expectedRevision != 0) row.Parameters.AddWithValue(expectedRevision);
        batch.BatchCommands.Add(row);

        var versionRow = new NpgsqlBatchCommand("""
            INSERT INTO app.deal_versions (deal_id, version, body) VALUES ($1, $2, $3)
            ON CONFLICT (deal_id, version) DO UPDATE SET body = EXCLUDED.body
            """);
        versionRow.Parameters.AddWithValue(deal.DealId);
        versionRow.Parameters.AddWithValue(version.Version);
        versionRow.Parameters.Add(Jsonb(version));
        batch.BatchCommands.Add(versionRow);

        if (idempotencyKey is not null)
        {
            // A second writer with the same key fails on the primary key and rolls back its change.
            var key = new NpgsqlBatchCommand("INSERT INTO app.deal_keys (deal_id, key, result) VALUES ($1, $2, $3)");
            key.Parameters.AddWithValue(deal.DealId);
            key.Parameters.AddWithValue(idempotencyKey);
            key.Parameters.Add(Jsonb(deal));
            batch.BatchCommands.Add(key);
        }

        await batch.ExecuteNonQueryAsync();
        if (batch.BatchCommands[0].RecordsAffected != 1)
        {
            throw new InvalidOperationException($"Deal {deal.DealId} is stored at another revision than {expectedRevision}: this writer is stale.");
        }

        await tx.CommitAsync();
    }

    /// <summary>
    /// The deals of a fair: all (null party), or one party's, most recently changed first; only counted ones when
    /// <paramref name="countedOnly"/>, newest signing first.
    /// </summary>
    public async Task<IReadOnlyList<Deal>> ListAsync(string fairId, MeetingSide? side, string? partyId, bool countedOnly)
    {
        var sql = "SELECT deal::text FROM app.deals WHERE fair_id = $1"
            + (side switch { MeetingSide.Buyer => " AND buyer_id = $2", MeetingSide.Producer => " AND producer_id = $2", _ => "" })
            + (countedOnly ? " AND counted" : "")
            + (countedOnly ? " ORDER BY signed_at DESC NULLS LAST, deal_id" : " ORDER BY updated_at DESC, deal_id");
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddWithValue(fairId);
        if (side is not null) cmd.Parameters.AddWithValue(partyId ?? "");
        var deals = new List<Deal>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) deals.Add(JsonSerializer.Deserialize<Deal>(reader.GetString(0), Json)!);
        return deals;
    }

    private static NpgsqlParameter Jsonb<T>(T value) => new() { Value = JsonSerializer.Serialize(value, Json), NpgsqlDbType = NpgsqlDbType.Jsonb };
}
