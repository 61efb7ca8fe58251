using System.Text;
using System.Text.Json;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Applications;

public sealed record QueueFilter(
    ApplicationStatus? Status, string? District, ProductGroup? Group, int? MinStars, CertificateState? Certificate, string? ProducerId);

public sealed record QueueEntry(ApplicationView Application, int? WaitlistPosition);

/// <summary>Reads the review queue from app.applications (written by the exhibitor grains).</summary>
public sealed class ApplicationQueue(NpgsqlDataSource db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public async Task<IReadOnlyList<QueueEntry>> ListAsync(string? fairId, QueueFilter f)
    {
        await using var cmd = db.CreateCommand();
        // Waitlist positions are ranked over the whole fair first, so filters do not renumber them.
        var sql = new StringBuilder(
            $"""
            WITH ranked AS (
                SELECT a.*, CASE WHEN status = 'Waitlisted'
                                 THEN rank() OVER (PARTITION BY fair_id, status ORDER BY waitlisted_at, application_id) END AS position
                FROM app.applications a {(fairId is null ? "" : "WHERE fair_id = @fair")})
            SELECT payload::text, position FROM ranked WHERE true
            """);
        if (fairId is not null) cmd.Parameters.AddWithValue("fair", fairId);
        if (f.ProducerId is not null) { sql.Append(" AND producer_id = @producer"); cmd.Parameters.AddWithValue("producer", f.ProducerId); }
        if (f.Status is { } status) { sql.Append(" AND status = @status"); cmd.Parameters.AddWithValue("status", status.ToString()); }
        if (!string.IsNullOrWhiteSpace(f.District)) { sql.Append(" AND district_key = @district"); cmd.Parameters.AddWithValue("district", VietnameseText.Fold(f.District)); }
        if (f.Group is { } group) { sql.Append(" AND @group = ANY (groups)"); cmd.Parameters.AddWithValue("group", group.ToString()); }
        if (f.MinStars is { } stars) { sql.Append(" AND min_stars >= @stars"); cmd.Parameters.AddWithValue("stars", stars); }
        if (f.Certificate is { } certificate)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            cmd.Parameters.AddWithValue("today", today);
            cmd.Parameters.AddWithValue("soon", today.AddDays(CatalogRules.ExpiryWarningDays));
            sql.Append(certificate switch
            {
                CertificateState.Expired => " AND cert_expires_on < @today",
                CertificateState.ExpiringSoon => " AND cert_expires_on >= @today AND cert_expires_on <= @soon",
                _ => " AND cert_expires_on > @soon",
            });
        }

        sql.Append(" ORDER BY submitted_at, application_id");
        cmd.CommandText = sql.ToString();
        var list = new List<QueueEntry>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var view = JsonSerializer.Deserialize<ApplicationView>(reader.GetString(0), Json)!;
            list.Add(new QueueEntry(view, reader.IsDBNull(1) ? null : (int)reader.GetInt64(1)));
        }

        return list;
    }

    public async Task<string?> ProducerOfAsync(string fairId, string applicationId)
    {
        await using var cmd = db.CreateCommand("SELECT producer_id FROM app.applications WHERE fair_id = @fair AND application_id = @id");
        cmd.Parameters.AddWithValue("fair", fairId);
        cmd.Parameters.AddWithValue("id", applicationId);
        return await cmd.ExecuteScalarAsync() as string;
    }
}
