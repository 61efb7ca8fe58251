using System.Text;
using System.Text.Json;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Producers;

public sealed record SearchQuery(string? Q, string? District, ProductGroup? Group, int? MinStars, int Page, int PageSize)
{
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;
    public const int MaxQueryLength = 200;

    /// <summary>Folded words of the query; each must appear somewhere in the folded text.</summary>
    public IReadOnlyList<string> Terms => VietnameseText.Fold(Q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8).ToList();

    /// <summary>The folded district to filter on, or null for every district.</summary>
    public string? DistrictKey => string.IsNullOrWhiteSpace(District) ? null : VietnameseText.Fold(District);
}

/// <summary>
/// Diacritic- and case-insensitive search over the catalogue copies: products through the in-memory
/// <see cref="ProductSearchIndex"/>, producers in SQL with a trigram index behind LIKE, joined with the producers whose
/// products the index finds.
/// </summary>
public sealed class CatalogSearch(NpgsqlDataSource db, ProductSearchIndex index)
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public async Task<PageOf<ProductResponse>> ProductsAsync(SearchQuery query, CancellationToken ct = default)
    {
        // Match, count and order in memory; read the wide cards of the one page by primary key.
        var (ids, total) = await index.SearchAsync(query, ct);
        var items = new List<ProductResponse>(ids.Count);
        if (ids.Count > 0)
        {
            await using var cmd = db.CreateCommand("SELECT product_id, payload::text FROM app.product_cards WHERE product_id = ANY(@ids)");
            cmd.Parameters.AddWithValue("ids", ids.ToArray());
            var cards = new Dictionary<string, ProductResponse>(StringComparer.Ordinal);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                cards[reader.GetString(0)] = JsonSerializer.Deserialize<ProductResponse>(reader.GetString(1), Json)!;
            }

            // A product deleted between the match and this read is left out of the page.
            items.AddRange(ids.Where(cards.ContainsKey).Select(id => cards[id]));
        }

        return new PageOf<ProductResponse>(items, query.Page, query.PageSize, total);
    }

    /// <summary>
    /// Producers found by their own name, district or commune, or through a product that the product search finds for
    /// the same query and filters (so "buoi dien" finds the cooperatives that sell Bưởi Diễn). District, group and
    /// stars also hold for the producer as a whole. Producers found by their own details come first, by their best
    /// product's stars; then those found through a product, by that product's stars.
    /// </summary>
    public async Task<PageOf<ProducerSummary>> ProducersAsync(SearchQuery query, CancellationToken ct = default)
    {
        var terms = query.Terms;
        var byProduct = terms.Count == 0 ? new Dictionary<string, ProductSearchRow>() : await index.FirstMatchByProducerAsync(query, ct);
        await using var cmd = db.CreateCommand();
        var own = OwnMatch(terms, cmd);
        var sql = new StringBuilder();
        if (byProduct.Count == 0)
        {
            sql.Append($"SELECT {ProducerColumns}, true AS own, NULL::int AS product_stars FROM app.producers WHERE {own}");
        }
        else
        {
            sql.Append($"SELECT {ProducerColumns}, {own} AS own, m.stars AS product_stars FROM app.producers")
                .Append(" LEFT JOIN unnest(@matchIds, @matchStars) AS m(id, stars) ON m.id = producer_id")
                .Append($" WHERE ({own} OR m.id IS NOT NULL)");
            cmd.Parameters.AddWithValue("matchIds", byProduct.Keys.ToArray());
            cmd.Parameters.AddWithValue("matchStars", byProduct.Values.Select(r => r.Stars).ToArray());
        }

        Filter(query, sql, cmd);
        cmd.CommandText =
            $"SELECT {ProducerColumns}, own, count(*) OVER () FROM ({sql}) found" +
            " ORDER BY own DESC, CASE WHEN own THEN max_stars ELSE product_stars END DESC, name, producer_id LIMIT @limit OFFSET @offset";
        return await PageAsync(cmd, query, r => new ProducerSummary(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetInt32(6), r.GetFieldValue<string[]>(7),
            !r.GetBoolean(8) && byProduct.TryGetValue(r.GetString(0), out var product) ? new ProductMatch(product.ProductId, product.Name) : null));
    }

    private const string ProducerColumns = "producer_id, name, kind, district, province, product_count, max_stars, groups";

    /// <summary>The producer that has the product, from the catalogue copy.</summary>
    public async Task<string?> ProducerOfProductAsync(string productId)
    {
        await using var cmd = db.CreateCommand("SELECT producer_id FROM app.products WHERE product_id = @id");
        cmd.Parameters.AddWithValue("id", productId);
        return await cmd.ExecuteScalarAsync() as string;
    }

    /// <summary>The condition that every term is in the producer's own folded text ("true" without terms).</summary>
    private static string OwnMatch(IReadOnlyList<string> terms, NpgsqlCommand cmd)
    {
        if (terms.Count == 0)
        {
            return "true";
        }

        for (var i = 0; i < terms.Count; i++)
        {
            cmd.Parameters.AddWithValue($"t{i}", "%" + EscapeLike(terms[i]) + "%");
        }

        return "(" + string.Join(" AND ", terms.Select((_, i) => $"search_text LIKE @t{i}")) + ")";
    }

    private static void Filter(SearchQuery q, StringBuilder sql, NpgsqlCommand cmd)
    {
        if (q.DistrictKey is { } district)
        {
            sql.Append(" AND district_key = @district");
            cmd.Parameters.AddWithValue("district", district);
        }

        if (q.Group is { } group)
        {
            sql.Append(" AND @group = ANY (groups)");
            cmd.Parameters.AddWithValue("group", group.ToString());
        }

        if (q.MinStars is { } stars)
        {
            sql.Append(" AND max_stars >= @stars");
            cmd.Parameters.AddWithValue("stars", stars);
        }

        cmd.Parameters.AddWithValue("limit", q.PageSize);
        cmd.Parameters.AddWithValue("offset", (q.Page - 1) * q.PageSize);
    }

    private static async Task<PageOf<T>> PageAsync<T>(NpgsqlCommand cmd, SearchQuery q, Func<NpgsqlDataReader, T> read)
    {
        var items = new List<T>();
        long total = 0;
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            items.Add(read(reader));
            total = reader.GetInt64(reader.FieldCount - 1);
        }

        return new PageOf<T>(items, q.Page, q.PageSize, total);
    }

    private static string EscapeLike(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
