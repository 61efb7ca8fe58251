using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Npgsql;
using NpgsqlTypes;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Grains;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Producers;

/// <summary>
/// Writes the searchable copy of a producer and its products (app.producers, app.products) under a new
/// catalogue version, tells every node about it (NOTIFY) and updates this node's <see cref="ProductSearchIndex"/>.
/// </summary>
public sealed class CatalogIndex(NpgsqlDataSource db, ProductSearchIndex search, TimeProvider clock) : ICatalogIndex
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public async Task UpsertProducerAsync(ProducerView producer)
    {
        var p = producer.Profile;
        var products = producer.Products;
        var districtKey = VietnameseText.Fold(p.District);
        var rows = products.Select(x => new ProductSearchRow(
            x.ProductId, producer.ProducerId, x.Name, x.Group, x.Stars, districtKey, VietnameseText.Fold($"{x.Name} {p.Name} {p.District}"))).ToArray();
        long version;
        await using var connection = await db.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand(
            """
            INSERT INTO app.producers (producer_id, owner_user_id, name, kind, province, district, district_key, search_text, groups, max_stars, product_count, updated_at)
            VALUES (@id, @owner, @name, @kind, @province, @district, @districtKey, @search, @groups, @maxStars, @count, now())
            ON CONFLICT (producer_id) DO UPDATE SET owner_user_id = EXCLUDED.owner_user_id, name = EXCLUDED.name, kind = EXCLUDED.kind,
                province = EXCLUDED.province, district = EXCLUDED.district, district_key = EXCLUDED.district_key,
                search_text = EXCLUDED.search_text, groups = EXCLUDED.groups, max_stars = EXCLUDED.max_stars,
                product_count = EXCLUDED.product_count, updated_at = now(), catalog_version = nextval('app.catalog_version_seq')
            RETURNING catalog_version
            """, connection, tx))
        {
            cmd.Parameters.AddWithValue("id", producer.ProducerId);
            cmd.Parameters.AddWithValue("owner", (object?)producer.OwnerUserId ?? DBNull.Value);
            cmd.Parameters.AddWithValue("name", p.Name);
            cmd.Parameters.AddWithValue("kind", p.Kind.ToString());
            cmd.Parameters.AddWithValue("province", p.Province);
            cmd.Parameters.AddWithValue("district", p.District);
            cmd.Parameters.AddWithValue("districtKey", districtKey);
            cmd.Parameters.AddWithValue("search", VietnameseText.Fold($"{p.Name} {p.District} {p.Commune}"));
            cmd.Parameters.AddWithValue("groups", products.Select(x => x.Group.ToString()).Distinct().ToArray());
            cmd.Parameters.AddWithValue("maxStars", products.Length == 0 ? 0 : products.Max(x => x.Stars));
            cmd.Parameters.AddWithValue("count", products.Length);
            version = (long)(await cmd.ExecuteScalarAsync())!;
        }

        await using (var delete = new NpgsqlCommand(
            "DELETE FROM app.products WHERE producer_id = @id AND NOT (product_id = ANY(@keep))", connection, tx))
        {
            delete.Parameters.AddWithValue("id", producer.ProducerId);
            delete.Parameters.AddWithValue("keep", products.Select(x => x.ProductId).ToArray());
            await delete.ExecuteNonQueryAsync();
        }

        if (products.Length > 0)
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var batch = new NpgsqlBatch(connection, tx);
            foreach (var (product, row) in products.Zip(rows))
            {
                var command = new NpgsqlBatchCommand(
                    """
                    WITH product AS (
                        INSERT INTO app.products (product_id, producer_id, name, product_group, stars, district_key, search_text, cert_expires_on)
                        VALUES (@id, @producer, @name, @group, @stars, @district, @search, @expires)
                        ON CONFLICT (product_id) DO UPDATE SET producer_id = EXCLUDED.producer_id, name = EXCLUDED.name,
                            product_group = EXCLUDED.product_group, stars = EXCLUDED.stars, district_key = EXCLUDED.district_key,
                            search_text = EXCLUDED.search_text, cert_expires_on = EXCLUDED.cert_expires_on
                        RETURNING product_id)
                    INSERT INTO app.product_cards (product_id, payload) SELECT product_id, @payload FROM product
                    ON CONFLICT (product_id) DO UPDATE SET payload = EXCLUDED.payload
                    """);
                command.Parameters.AddWithValue("id", product.ProductId);
                command.Parameters.AddWithValue("producer", producer.ProducerId);
                command.Parameters.AddWithValue("name", product.Name);
                command.Parameters.AddWithValue("group", product.Group.ToString());
                command.Parameters.AddWithValue("stars", product.Stars);
                command.Parameters.AddWithValue("district", districtKey);
                command.Parameters.AddWithValue("search", row.SearchText);
                command.Parameters.AddWithValue("expires", product.CertificateExpiresOn);
                command.Parameters.Add(new NpgsqlParameter("payload", NpgsqlDbType.Jsonb)
                {
                    Value = JsonSerializer.Serialize(ProductResponse.From(product, producer.ProducerId, p, today), Json),
                });
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync();
        }

        await using (var notify = new NpgsqlCommand($"SELECT pg_notify('{ProductSearchIndex.Channel}', @id)", connection, tx))
        {
            notify.Parameters.AddWithValue("id", producer.ProducerId);
            await notify.ExecuteNonQueryAsync();
        }

        await tx.CommitAsync();
        search.Apply(producer.ProducerId, version, rows);
    }
}

/// <summary>
/// Keeps the review queue's copy of each application (app.applications) and tells the producer about status changes:
/// an inbox notification in their language and a live <c>ApplicationChanged</c> event.
/// </summary>
public sealed class ApplicationEvents(NpgsqlDataSource db, IGrainFactory grains, TimeProvider clock) : IApplicationEvents
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

        if (a.OwnerUserId is null || previous == a.Status)
        {
            return;
        }

        var english = await UserLocale.IsEnglishAsync(db, a.OwnerUserId);
        var fair = await grains.GetGrain<IFairGrain>(a.FairId).GetAsync();
        var (title, body) = Texts(a, fair?.Details.Name ?? a.FairId, english);
        var notification = new Notification(
            Guid.CreateVersion7().ToString("N"), $"application:{a.ApplicationId}:{a.Status}", "application-" + a.Status.ToString().ToLowerInvariant(),
            title, body, a.FairId, clock.GetUtcNow(), null);
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


    private static (string Title, string Body) Texts(ApplicationView a, string fairName, bool english)
    {
        var culture = CultureInfo.GetCultureInfo(english ? "en" : "vi");
        var status = ErrorText.Get("status." + a.Status, culture);
        var title = english ? $"{fairName}: application {status.ToLowerInvariant()}" : $"{fairName}: hồ sơ {status.ToLowerInvariant()}";
        var body = a.Status == ApplicationStatus.Rejected && a.RejectionReason is { Length: > 0 } reason
            ? (english ? $"Reason: {reason}" : $"Lý do: {reason}")
            : (english ? $"Your application is now {status.ToLowerInvariant()}." : $"Hồ sơ đăng ký của bạn: {status.ToLowerInvariant()}.");
        return (title, body);
    }
}
