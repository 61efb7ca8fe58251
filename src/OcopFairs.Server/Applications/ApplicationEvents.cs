using System.Collections.Immutable;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Grains;
using OcopFairs.Server.Infrastructure;
using OcopFairs.Server.Notifications;

namespace OcopFairs.Server.Applications;

/// <summary>
/// Keeps the review queue's copy of each application (app.applications) and tells the producer about status changes:
/// an inbox notification (worded in their language when read) and a live <c>ApplicationChanged</c> event.
/// </summary>
public sealed class ApplicationEvents(NpgsqlDataSource db, IGrainFactory grains, TimeProvider clock, Matching.MatchSignals signals) : IApplicationEvents
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public async Task ChangedAsync(ApplicationView a, ApplicationStatus? previous)
    {
        await using (var cmd = db.CreateCommand(
            """
            INSERT INTO app.applications (application_id, fair_id, producer_id, owner_user_id, status, district_key, groups, min_stars, cert_expires_on, submitted_at, waitlisted_at, payload)
            VALUES (@id, @fair, @producer, @owner, @status, @district, @groups, @minStars, @expires, @submitted, @waitlisted, @payload)
            ON CONFLICT (application_id) DO UPDATE SET status = EXCLUDED.status, waitlisted_at = EXCLUDED.waitlisted_at,
                payload = EXCLUDED.payload, owner_user_id = EXCLUDED.owner_user_id
            """))
        {
            cmd.Parameters.AddWithValue("id", a.ApplicationId);
            cmd.Parameters.AddWithValue("fair", a.FairId);
            cmd.Parameters.AddWithValue("producer", a.ProducerId);
            cmd.Parameters.AddWithValue("owner", (object?)a.OwnerUserId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("status", a.Status.ToString());
            cmd.Parameters.AddWithValue("district", VietnameseText.Fold(a.District));
            cmd.Parameters.AddWithValue("groups", a.Products.Select(p => p.Group.ToString()).Distinct().ToArray());
            cmd.Parameters.AddWithValue("minStars", a.Products.IsDefaultOrEmpty ? 0 : a.Products.Min(p => p.Stars));
            cmd.Parameters.AddWithValue("expires", a.Products.IsDefaultOrEmpty ? DateOnly.MaxValue : a.Products.Min(p => p.CertificateExpiresOn));
            cmd.Parameters.AddWithValue("submitted", a.SubmittedAt);
            cmd.Parameters.AddWithValue("waitlisted", (object?)a.WaitlistedAt ?? DBNull.Value);
            cmd.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(a, Json) });
            await cmd.ExecuteNonQueryAsync();
        }

        if (previous != a.Status && (previous == ApplicationStatus.Approved || a.Status == ApplicationStatus.Approved))
        {
            await signals.ExhibitorChangedAsync(a.ProducerId, a.FairId);
        }

        if (a.OwnerUserId is null || previous == a.Status)
        {
            return;
        }

        var fair = await grains.GetGrain<IFairGrain>(a.FairId).GetAsync();
        var facts = ImmutableDictionary<string, string>.Empty
            .Add(NotificationKinds.Facts.FairName, fair?.Details.Name ?? a.FairId)
            .Add(NotificationKinds.Facts.Status, a.Status.ToString());
        if (a.Status == ApplicationStatus.Rejected && a.RejectionReason is { Length: > 0 } reason)
        {
            facts = facts.Add(NotificationKinds.Facts.Reason, reason);
        }

        var notification = Notification.Of(
            $"application:{a.ApplicationId}:{a.Status}", NotificationKinds.Application(a.Status), a.FairId, clock.GetUtcNow(), facts);
        var inbox = grains.GetGrain<INotificationInboxGrain>(a.OwnerUserId);
        await inbox.DeliverAsync(notification);
        await grains.GetGrain<IPushGrain>(0).PublishPrivateAsync(new PrivateEvent(a.OwnerUserId, EventTypes.ApplicationChanged, null, a));
    }

    public async Task<ImmutableArray<string>> WaitlistAsync(string fairId)
    {
        await using var cmd = db.CreateCommand(
            "SELECT producer_id FROM app.applications WHERE fair_id = @fair AND status = 'Waitlisted' ORDER BY waitlisted_at, application_id");
        cmd.Parameters.AddWithValue("fair", fairId);
        var list = ImmutableArray.CreateBuilder<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetString(0));
        }

        return list.ToImmutable();
    }
}
