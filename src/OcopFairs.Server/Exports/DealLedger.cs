using System.Text.Json;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Exports;

/// <summary>
/// Reads the deals ledger (<c>app.deals</c>, written by the deal grains) for exports and reports: each row's <c>deal</c>
/// as the API shows it, brought up to today in the fair's time zone (a signed deal whose validity has begun is active).
/// </summary>
public sealed class DealLedger(NpgsqlDataSource db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    /// <summary>The fair's counted deals (both sides signed the current version, not cancelled), oldest signing first.</summary>
    public async Task<IReadOnlyList<Deal>> CountedAsync(FairView fair)
    {
        await using var cmd = db.CreateCommand("SELECT deal FROM app.deals WHERE fair_id = $1 AND counted ORDER BY signed_at, deal_id");
        cmd.Parameters.AddWithValue(fair.FairId);
        var today = Today(fair);
        var deals = new List<Deal>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (JsonSerializer.Deserialize<Deal>(reader.GetString(0), Json) is { } deal && DealReports.Counted(deal))
            {
                deals.Add(DealRules.AsOf(deal, today));
            }
        }

        return deals;
    }

    /// <summary>
    /// Whether the public verification page shows a deal of this id: one in the ledger and sent out (not a Draft), as
    /// <c>GET /api/deals/{dealId}/verify</c> decides, so the QR tells no more about a deal id than the page does.
    /// </summary>
    public async Task<bool> VerifiableAsync(string dealId)
    {
        await using var cmd = db.CreateCommand("SELECT 1 FROM app.deals WHERE deal_id = $1 AND status <> 'Draft'");
        cmd.Parameters.AddWithValue(dealId);
        return await cmd.ExecuteScalarAsync() is not null;
    }

    /// <summary>Today's date where the fair is held.</summary>
    public DateOnly Today(FairView fair) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ZoneOf(fair)).DateTime);

    public static TimeZoneInfo ZoneOf(FairView fair) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(fair.Details.TimeZone, out var zone) ? zone : TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
}
