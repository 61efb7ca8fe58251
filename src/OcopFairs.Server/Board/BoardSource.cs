using System.Collections.Immutable;
using System.Text.Json;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Grains;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Board;

/// <summary>The board's rebuild from the ledger (<c>app.deals.board</c>, written with <see cref="JsonDefaults"/>) and the meetings.</summary>
public sealed class BoardSource(NpgsqlDataSource db) : IBoardSource
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public async Task<ImmutableArray<DealBoardEntry>> EntriesAsync(string fairId)
    {
        var entries = ImmutableArray.CreateBuilder<DealBoardEntry>();
        await using var cmd = db.CreateCommand("SELECT board::text FROM app.deals WHERE fair_id = $1");
        cmd.Parameters.AddWithValue(fairId);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(JsonSerializer.Deserialize<DealBoardEntry>(reader.GetString(0), Json)!);
        }

        return entries.ToImmutable();
    }

    public async Task<BoardMeetings> MeetingsAsync(string fairId)
    {
        await using var cmd = db.CreateCommand("SELECT status, count(*)::int FROM app.meetings WHERE fair_id = $1 GROUP BY status");
        cmd.Parameters.AddWithValue(fairId);
        await using var reader = await cmd.ExecuteReaderAsync();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt32(1);
        }

        return BoardApi.Meetings(counts.Where(c => Enum.TryParse<MeetingStatus>(c.Key, out _))
            .ToImmutableDictionary(c => Enum.Parse<MeetingStatus>(c.Key), c => c.Value));
    }
}
