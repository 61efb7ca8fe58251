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
/// <see cref="ProductSearchIndex"/>, producers in SQL with a trigram index behind LIKE.
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

    public async Task<PageOf<ProducerSummary>> ProducersAsync(SearchQuery query)
    {
        var sql = new StringBuilder(
            "SELECT producer_id, name, kind, district, province, product_count, max_stars, groups, count(*) OVER () FROM app.producers WHERE true");
        await using var cmd = db.CreateCommand();
        Filter(query, sql, cmd);
        sql.Append(" ORDER BY max_stars DESC, name, producer_id LIMIT @limit OFFSET @offset");
        cmd.CommandText = sql.ToString();
        return await PageAsync(cmd, query, r => new ProducerSummary(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetInt32(5), r.GetInt32(6), r.GetFieldValue<string[]>(7)));
    }

    /// <summary>The producer that has the product, from the catalogue copy.</summary>
    public async Task<string?> ProducerOfProductAsync(string productId)
    {
        await using var cmd = db.CreateCommand("SELECT producer_id FROM app.products WHERE product_id = @id");
        cmd.Parameters.AddWithValue("id", productId);
        return await cmd.ExecuteScalarAsync() as string;
    }

    private static void Filter(SearchQuery q, StringBuilder sql, NpgsqlCommand cmd)
    {
        var terms = q.Terms;
        for (var i = 0; i < terms.Count; i++)
        {
            sql.Append($" AND search_text LIKE @t{i}");
            cmd.Parameters.AddWithValue($"t{i}", "%" + EscapeLike(terms[i]) + "%");
        }

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
