using System.Collections.Immutable;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OcopFairs.Abstractions;
using OcopFairs.Grains;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Meetings;

/// <summary>A fair's meetings in <c>app.meetings</c> (the whole meeting as JSON beside the columns the indexes need) and its hours.</summary>
public sealed class MeetingStore(NpgsqlDataSource db) : IMeetingStore
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public async Task<(MatchingHours? Hours, ImmutableArray<SeatedMeeting> Meetings)> LoadAsync(string fairId)
    {
        MatchingHours? hours = null;
        await using (var cmd = db.CreateCommand("SELECT hours FROM app.matching_hours WHERE fair_id = $1"))
        {
            cmd.Parameters.AddWithValue(fairId);
            if (await cmd.ExecuteScalarAsync() is string json) hours = JsonSerializer.Deserialize<MatchingHours>(json, Json);
        }

        var meetings = ImmutableArray.CreateBuilder<SeatedMeeting>();
        await using (var cmd = db.CreateCommand("SELECT meeting, seat FROM app.meetings WHERE fair_id = $1"))
        {
            cmd.Parameters.AddWithValue(fairId);
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                meetings.Add(new SeatedMeeting(JsonSerializer.Deserialize<Meeting>(reader.GetString(0), Json)!, reader.GetInt32(1)));
            }
        }

        return (hours, meetings.ToImmutable());
    }

    public async Task SaveHoursAsync(string fairId, MatchingHours hours)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO app.matching_hours (fair_id, hours) VALUES ($1, $2)
            ON CONFLICT (fair_id) DO UPDATE SET hours = EXCLUDED.hours, updated_at = now()
            """);
        cmd.Parameters.AddWithValue(fairId);
        cmd.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(hours, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<ScheduleOutcome?> ScheduleOutcomeAsync(string fairId, string key)
    {
        await using var cmd = db.CreateCommand("SELECT outcome::text FROM app.meeting_schedules WHERE fair_id = $1 AND key = $2");
        cmd.Parameters.AddWithValue(fairId);
        cmd.Parameters.AddWithValue(key);
        return await cmd.ExecuteScalarAsync() is string json ? JsonSerializer.Deserialize<ScheduleOutcome>(json, Json) : null;
    }

    public async Task SaveAsync(string fairId, IReadOnlyList<SeatedMeeting> changed, (string Key, ScheduleOutcome Outcome)? schedule = null)
    {
        if (changed.Count == 0 && schedule is null) return;
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        var batch = new NpgsqlBatch(connection, tx);
        foreach (var (m, seat) in changed.Select(c => (c.Meeting, c.Seat)))
        {
            // The version guard makes a stale writer (a second activation after a partition) fail instead of overwriting.
            var command = new NpgsqlBatchCommand("""
                INSERT INTO app.meetings (meeting_id, fair_id, buyer_id, producer_id, starts_at, place_key, seat, status, version, meeting)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                ON CONFLICT (meeting_id) DO UPDATE SET starts_at = EXCLUDED.starts_at, place_key = EXCLUDED.place_key, seat = EXCLUDED.seat,
                    status = EXCLUDED.status, version = EXCLUDED.version, meeting = EXCLUDED.meeting, updated_at = now()
                WHERE app.meetings.version < EXCLUDED.version
                """);
            command.Parameters.AddWithValue(m.MeetingId);
            command.Parameters.AddWithValue(fairId);
            command.Parameters.AddWithValue(m.BuyerId);
            command.Parameters.AddWithValue(m.ProducerId);
            command.Parameters.AddWithValue(m.StartsAt.ToUniversalTime());
            command.Parameters.AddWithValue(m.Place.Key);
            command.Parameters.AddWithValue(seat);
            command.Parameters.AddWithValue(m.Status.ToString());
            command.Parameters.AddWithValue(m.Version);
            command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(m, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
            batch.BatchCommands.Add(command);
        }

        if (schedule is { } s)
        {
            // A second publish with the key racing this one fails on the primary key and rolls back its meetings.
            var keyed = new NpgsqlBatchCommand("INSERT INTO app.meeting_schedules (fair_id, key, outcome) VALUES ($1, $2, $3)");
            keyed.Parameters.AddWithValue(fairId);
            keyed.Parameters.AddWithValue(s.Key);
            keyed.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(s.Outcome, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
            batch.BatchCommands.Add(keyed);
        }

        await batch.ExecuteNonQueryAsync();
        if (batch.BatchCommands.Cast<NpgsqlBatchCommand>().Any(c => c.RecordsAffected != 1))
        {
            throw new InvalidOperationException($"A newer version of a meeting of fair {fairId} is stored: this writer is stale.");
        }

        await tx.CommitAsync();
    }
}
