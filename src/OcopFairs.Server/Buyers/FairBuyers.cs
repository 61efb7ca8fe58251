using System.Security.Cryptography;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Grains;

namespace OcopFairs.Server.Buyers;

/// <summary>
/// Buyers registered for fairs (<c>app.fair_buyers</c>): registration with a badge code, check-in by that code, and the
/// organiser's counts by kind. Registering twice answers the first registration; checking in twice changes nothing.
/// </summary>
public sealed class FairBuyers(NpgsqlDataSource db, TimeProvider clock, Matching.MatchSignals signals) : IBuyerEvents
{
    public const int MaxBadgeLength = 20;

    // Crockford's base 32: no I, L, O or U, so a badge read aloud or typed from paper is not misread.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public async Task<FairBuyerResponse> RegisterAsync(string fairId, BuyerView buyer)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var cmd = db.CreateCommand("""
                INSERT INTO app.fair_buyers (fair_id, buyer_id, badge_code, kind, organisation, registered_at)
                VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (fair_id, buyer_id) DO UPDATE SET kind = EXCLUDED.kind, organisation = EXCLUDED.organisation
                RETURNING fair_id, buyer_id, organisation, kind, badge_code, registered_at, checked_in_at
                """);
            cmd.Parameters.AddWithValue(fairId);
            cmd.Parameters.AddWithValue(buyer.BuyerId);
            cmd.Parameters.AddWithValue(NewBadge());
            cmd.Parameters.AddWithValue(buyer.Profile.Kind.ToString());
            cmd.Parameters.AddWithValue(buyer.Profile.Organisation);
            cmd.Parameters.AddWithValue(clock.GetUtcNow());
            try
            {
                FairBuyerResponse registration;
                await using (var reader = await cmd.ExecuteReaderAsync())
                {
                    await reader.ReadAsync();
                    registration = Read(reader);
                }

                await signals.BuyerChangedAsync(buyer.BuyerId, fairId);
                return registration;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && attempt < 3)
            {
                // Two buyers drew the same badge in one fair (one chance in a trillion): draw again.
            }
        }
    }

    public async Task<FairBuyerResponse?> GetAsync(string fairId, string buyerId)
    {
        await using var cmd = db.CreateCommand($"{Select} WHERE fair_id = $1 AND buyer_id = $2");
        cmd.Parameters.AddWithValue(fairId);
        cmd.Parameters.AddWithValue(buyerId);
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync() ? Read(reader) : null;
    }

    /// <summary>Checks the badge's holder in (the first scan's time is kept); null when no buyer of the fair has that badge.</summary>
    public async Task<CheckInResponse?> CheckInAsync(string fairId, string badgeCode)
    {
        if (Normalize(badgeCode) is not { } badge) return null;
        await using var cmd = db.CreateCommand("""
            WITH previous AS (SELECT checked_in_at FROM app.fair_buyers WHERE fair_id = $1 AND badge_code = $2 FOR UPDATE)
            UPDATE app.fair_buyers b SET checked_in_at = COALESCE(b.checked_in_at, $3)
            FROM previous
            WHERE b.fair_id = $1 AND b.badge_code = $2
            RETURNING b.fair_id, b.buyer_id, b.organisation, b.kind, b.badge_code, b.registered_at, b.checked_in_at, previous.checked_in_at IS NOT NULL
            """);
        cmd.Parameters.AddWithValue(fairId);
        cmd.Parameters.AddWithValue(badge);
        cmd.Parameters.AddWithValue(clock.GetUtcNow());
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new CheckInResponse(Read(reader), reader.GetBoolean(7)) : null;
    }

    public async Task<FairBuyersResponse> ListAsync(string fairId)
    {
        await using var cmd = db.CreateCommand($"{Select} WHERE fair_id = $1 ORDER BY kind, organisation, buyer_id");
        cmd.Parameters.AddWithValue(fairId);
        var items = new List<FairBuyerResponse>();
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) items.Add(Read(reader));
        }

        var byKind = Enum.GetValues<BuyerKind>()
            .Select(k => new BuyerKindCount(k, items.Count(i => i.Kind == k), items.Count(i => i.Kind == k && i.CheckedInAt is not null)))
            .ToList();
        return new FairBuyersResponse(items.Count, items.Count(i => i.CheckedInAt is not null), byKind, items);
    }

    /// <summary>The buyer's fairs take its new kind and organisation.</summary>
    public async Task ProfileChangedAsync(BuyerView buyer)
    {
        await using var cmd = db.CreateCommand("UPDATE app.fair_buyers SET kind = $2, organisation = $3 WHERE buyer_id = $1 AND (kind <> $2 OR organisation <> $3)");
        cmd.Parameters.AddWithValue(buyer.BuyerId);
        cmd.Parameters.AddWithValue(buyer.Profile.Kind.ToString());
        cmd.Parameters.AddWithValue(buyer.Profile.Organisation);
        await cmd.ExecuteNonQueryAsync();
        await signals.BuyerChangedAsync(buyer.BuyerId);
    }

    /// <summary>A typed or scanned badge as stored: upper case, no separators, O read as 0 and I or L as 1.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > MaxBadgeLength) return null;
        var chars = typed.ToUpperInvariant().Where(c => c is not ('-' or ' ')).Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c }).ToArray();
        return chars.Length == 8 && chars.All(c => Alphabet.Contains(c)) ? $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}" : null;
    }

    private static string NewBadge()
    {
        Span<char> chars = stackalloc char[8];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{chars[..4]}-{chars[4..]}";
    }

    private const string Select = "SELECT fair_id, buyer_id, organisation, kind, badge_code, registered_at, checked_in_at FROM app.fair_buyers";

    private static FairBuyerResponse Read(NpgsqlDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), Enum.Parse<BuyerKind>(r.GetString(3)), r.GetString(4),
        r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6));
}
