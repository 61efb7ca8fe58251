using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Grains;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Producers;

/// <summary>
/// Writes the searchable copy of a producer and its products (app.producers, app.products) under a new
/// catalogue version, tells every node about it (NOTIFY) and updates this node's <see cref="ProductSearchIndex"/>.
/// </summary>
public sealed class CatalogIndex(NpgsqlDataSource db, ProductSearchIndex search, TimeProvider clock, Matching.MatchSignals signals) : ICatalogIndex
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
        await signals.ExhibitorChangedAsync(producer.ProducerId);
    }
}
