using System.Collections.Immutable;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OcopFairs.Abstractions;
using OcopFairs.Grains;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Booths;

/// <summary>
/// The live floors in PostgreSQL (app.floors with each floor's plan and rules, app.floor_booths, app.floor_events,
/// app.floor_keys; migrations 0009, 0010 and 0012).
/// A save is one batch in one round trip and one implicit transaction: the fence first (app.floor_advance, migration
/// 0010: the version and write it builds on), then the changed booths, the new events and keys, and, every
/// <see cref="PruneEvery"/> versions, the pruning of old events and keys.
/// </summary>
public sealed class FloorStore(NpgsqlDataSource db) : IFloorStore
{
    /// <summary>Events kept per fair in the table (the grain holds fewer in memory).</summary>
    public const int EventsKept = 1024;

    /// <summary>Idempotency-Keys kept per fair in the table.</summary>
    public const int KeysKept = 2048;

    /// <summary>
    /// Old events and keys are pruned by the save that crosses a multiple of this many versions, not by every save:
    /// finding the oldest key to keep reads the fair's newest 2,048, which cost PostgreSQL more than the rest of a
    /// small commit (about 1.3 ms a save in the rush). The tables hold up to this many versions more than they keep.
    /// </summary>
    public const int PruneEvery = 128;

    /// <summary>
    /// How long a save waits at the fence for the write it builds on. Long enough for a write slowed by a busy
    /// machine; it only runs out when that write failed, and then the save has no caller left waiting for it.
    /// </summary>
    public TimeSpan WaitForPrevious { get; init; } = TimeSpan.FromSeconds(10);

    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public async Task<FloorLiveState?> LoadAsync(string fairId, int backlog, int keys)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command("SELECT version, write_id, plan::text, rules::text FROM app.floors WHERE fair_id = @fair", fairId),
                Command("SELECT booth_code, status, producer_id, producer_name, hold_expires_at, hold_id, override_reason FROM app.floor_booths WHERE fair_id = @fair", fairId),
                Command("SELECT payload::text FROM (SELECT version, payload FROM app.floor_events WHERE fair_id = @fair ORDER BY version DESC LIMIT @n) e ORDER BY version", fairId, backlog),
                Command("SELECT key, booth_code, slot::text, allocation::text FROM (SELECT seq, key, booth_code, slot, allocation FROM app.floor_keys WHERE fair_id = @fair ORDER BY seq DESC LIMIT @n) k ORDER BY seq", fairId, keys),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }

        var version = reader.GetInt64(0);
        Guid? writeId = reader.IsDBNull(1) ? null : reader.GetGuid(1);
        var plan = reader.IsDBNull(2) ? FloorPlan.Empty : JsonSerializer.Deserialize<FloorPlan>(reader.GetString(2), Json)!;
        var rules = reader.IsDBNull(3) ? null : JsonSerializer.Deserialize<FloorRules>(reader.GetString(3), Json);
        await reader.NextResultAsync();
        var booths = ImmutableDictionary.CreateBuilder<string, BoothSlot>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            booths[reader.GetString(0)] = new BoothSlot(
                Enum.Parse<BoothStatus>(reader.GetString(1)),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetString(5))
            {
                OverrideReason = reader.IsDBNull(6) ? null : reader.GetString(6),
            };
        }

        await reader.NextResultAsync();
        var events = ImmutableArray.CreateBuilder<LiveEvent>();
        while (await reader.ReadAsync())
        {
            events.Add(JsonSerializer.Deserialize<LiveEvent>(reader.GetString(0), Json)!);
        }

        // A backlog must have no gaps, or a reconnecting client would miss events without knowing: keep only the
        // contiguous tail. (A commit of more events than the grain's backlog holds writes only the newest ones.)
        var start = events.Count - 1;
        while (start > 0 && events[start - 1].Version == events[start].Version - 1)
        {
            start--;
        }

        if (events.Count > 0 && events[^1].Version != version)
        {
            start = events.Count; // the newest events are missing: no backlog at all, reconnects get a snapshot
        }

        events.RemoveRange(0, Math.Max(start, 0));

        await reader.NextResultAsync();
        var remembered = ImmutableArray.CreateBuilder<KeyedResult>();
        while (await reader.ReadAsync())
        {
            remembered.Add(new KeyedResult(reader.GetString(0), reader.GetString(1), JsonSerializer.Deserialize<BoothSlot>(reader.GetString(2), Json)!)
            {
                Allocation = reader.IsDBNull(3) ? null : JsonSerializer.Deserialize<AllocationOutcome>(reader.GetString(3), Json),
            });
        }

        return new FloorLiveState
        {
            Version = version, Booths = booths.ToImmutable(), Backlog = events.ToImmutable(), Keys = remembered.ToImmutable(), WriteId = writeId,
            Plan = plan, Rules = rules,
        };
    }

    public async Task SaveAsync(string fairId, long expectedVersion, Guid? expectedWrite, FloorDelta delta)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        // The fence comes first: a save that overtook the write it builds on waits there, before it writes a row.
        var fence = Command("SELECT app.floor_advance(@fair, @expected, @expectedWrite, @version, @write, @waitMs)", fairId);
        fence.Parameters.AddWithValue("expected", expectedVersion);
        fence.Parameters.Add(new NpgsqlParameter("expectedWrite", NpgsqlDbType.Uuid) { Value = expectedWrite is { } w ? w : DBNull.Value });
        fence.Parameters.AddWithValue("version", delta.Version);
        fence.Parameters.AddWithValue("write", delta.WriteId);
        fence.Parameters.AddWithValue("waitMs", (int)WaitForPrevious.TotalMilliseconds);
        batch.BatchCommands.Add(fence);

        if (delta.Plan is not null || delta.Rules is not null)
        {
            // Rarely: the organiser changed the plan, or the fair its rules. Written in the same transaction as the booths.
            var planAndRules = Command("UPDATE app.floors SET plan = coalesce(@plan::jsonb, plan), rules = coalesce(@rules::jsonb, rules) WHERE fair_id = @fair", fairId);
            planAndRules.Parameters.Add(Jsonb("plan", delta.Plan));
            planAndRules.Parameters.Add(Jsonb("rules", delta.Rules));
            batch.BatchCommands.Add(planAndRules);
        }

        var held = delta.Booths.Where(b => b.Value is not null).ToList();
        if (held.Count > 0)
        {
            var upsert = Command(
                """
                INSERT INTO app.floor_booths (fair_id, booth_code, status, producer_id, producer_name, hold_expires_at, hold_id, override_reason)
                SELECT @fair, * FROM unnest(@codes, @statuses, @producers, @names, @expires, @holds, @overrides)
                ON CONFLICT (fair_id, booth_code) DO UPDATE SET status = EXCLUDED.status, producer_id = EXCLUDED.producer_id,
                    producer_name = EXCLUDED.producer_name, hold_expires_at = EXCLUDED.hold_expires_at, hold_id = EXCLUDED.hold_id,
                    override_reason = EXCLUDED.override_reason
                """, fairId);
            upsert.Parameters.AddWithValue("codes", held.Select(b => b.Key).ToArray());
            upsert.Parameters.AddWithValue("statuses", held.Select(b => b.Value!.Status.ToString()).ToArray());
            upsert.Parameters.Add(TextArray("producers", held.Select(b => b.Value!.ProducerId)));
            upsert.Parameters.Add(TextArray("names", held.Select(b => b.Value!.ProducerName)));
            upsert.Parameters.AddWithValue("expires", held.Select(b => b.Value!.HoldExpiresAt?.UtcDateTime).ToArray());
            upsert.Parameters.Add(TextArray("holds", held.Select(b => b.Value!.HoldId)));
            upsert.Parameters.Add(TextArray("overrides", held.Select(b => b.Value!.OverrideReason)));
            batch.BatchCommands.Add(upsert);
        }

        var freed = delta.Booths.Where(b => b.Value is null).Select(b => b.Key).ToArray();
        if (freed.Length > 0)
        {
            var delete = Command("DELETE FROM app.floor_booths WHERE fair_id = @fair AND booth_code = ANY(@codes)", fairId);
            delete.Parameters.AddWithValue("codes", freed);
            batch.BatchCommands.Add(delete);
        }

        if (delta.Events.Count > 0)
        {
            var events = Command(
                """
                INSERT INTO app.floor_events (fair_id, version, payload) SELECT @fair, v, p::jsonb FROM unnest(@versions, @payloads) AS e (v, p)
                ON CONFLICT (fair_id, version) DO UPDATE SET payload = EXCLUDED.payload
                """, fairId);
            events.Parameters.AddWithValue("versions", delta.Events.Select(e => e.Version).ToArray());
            events.Parameters.AddWithValue("payloads", delta.Events.Select(e => JsonSerializer.Serialize(e, Json)).ToArray());
            batch.BatchCommands.Add(events);
        }

        if (delta.Keys.Count > 0)
        {
            var keys = Command(
                """
                INSERT INTO app.floor_keys (fair_id, key, booth_code, slot, allocation)
                SELECT @fair, k, b, s::jsonb, a::jsonb FROM unnest(@keys, @booths, @slots, @allocations) AS x (k, b, s, a)
                ON CONFLICT (fair_id, key) DO NOTHING
                """, fairId);
            keys.Parameters.AddWithValue("keys", delta.Keys.Select(k => k.Key).ToArray());
            keys.Parameters.AddWithValue("booths", delta.Keys.Select(k => k.BoothCode).ToArray());
            keys.Parameters.AddWithValue("slots", delta.Keys.Select(k => JsonSerializer.Serialize(k.Slot, Json)).ToArray());
            keys.Parameters.Add(TextArray("allocations", delta.Keys.Select(k => k.Allocation is null ? null : JsonSerializer.Serialize(k.Allocation, Json))));
            batch.BatchCommands.Add(keys);
        }

        // A save of keys alone (repeats of done requests with new keys) moves no version on: it prunes too, so such
        // keys cannot pile up between versions.
        if (expectedVersion / PruneEvery != delta.Version / PruneEvery || (delta.Events.Count == 0 && delta.Keys.Count > 0))
        {
            var events = Command("DELETE FROM app.floor_events WHERE fair_id = @fair AND version <= @oldest", fairId);
            events.Parameters.AddWithValue("oldest", delta.Version - EventsKept);
            batch.BatchCommands.Add(events);
            var keys = Command(
                """
                DELETE FROM app.floor_keys WHERE fair_id = @fair AND seq < (
                    SELECT seq FROM app.floor_keys WHERE fair_id = @fair ORDER BY seq DESC OFFSET @kept LIMIT 1)
                """, fairId);
            keys.Parameters.AddWithValue("kept", KeysKept - 1);
            batch.BatchCommands.Add(keys);
        }

        try
        {
            await batch.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.SerializationFailure)
        {
            // The floor moved on without the write this save builds on (another activation wrote, or that write failed;
            // app.floor_advance): nothing of this save was kept. Orleans' own exception for a stale write, so the grain
            // reloads and the caller gets 409 "conflict" to retry.
            throw new Orleans.Storage.InconsistentStateException(e.MessageText, e);
        }
    }

    private static NpgsqlBatchCommand Command(string sql, string fairId, int? n = null)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("fair", fairId);
        if (n is { } limit)
        {
            command.Parameters.AddWithValue("n", limit);
        }

        return command;
    }

    private static NpgsqlParameter Jsonb<T>(string name, T? value) where T : class =>
        new(name, NpgsqlDbType.Text) { Value = value is null ? DBNull.Value : JsonSerializer.Serialize(value, Json) };

    private static NpgsqlParameter TextArray(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.ToArray() };
}
