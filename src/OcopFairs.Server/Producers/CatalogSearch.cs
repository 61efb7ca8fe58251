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

    /// <summary>Folded words of the query; each must appear somewhere in the folded text.</summary>
    public IReadOnlyList<string> Terms => VietnameseText.Fold(Q).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8).ToList();
}

/// <summary>Diacritic- and case-insensitive search over the catalogue copies, with trigram indexes behind LIKE.</summary>
public sealed class CatalogSearch(NpgsqlDataSource db)
{
    private static readonly JsonSerializerOptions Json = JsonDefaults.Create();

    public async Task<PageOf<ProductResponse>> ProductsAsync(SearchQuery query)
    {
        // Filter and rank on the narrow search rows; fetch the wide cards for the one page only.
        var sql = new StringBuilder("WITH matched AS (SELECT product_id, stars, name FROM app.products WHERE true");
        await using var cmd = db.CreateCommand();
        Filter(query, sql, cmd, starsColumn: "stars", groupCondition: "product_group = @group");
        sql.Append("), page AS (SELECT product_id, stars, name FROM matched ORDER BY stars DESC, name, product_id LIMIT @limit OFFSET @offset)");
        sql.Append(" SELECT c.payload::text, (SELECT count(*) FROM matched) FROM page JOIN app.product_cards c USING (product_id)");
        sql.Append(" ORDER BY page.stars DESC, page.name, page.product_id");
        cmd.CommandText = sql.ToString();
        return await PageAsync(cmd, query, r => JsonSerializer.Deserialize<ProductResponse>(r.GetString(0), Json)!);
    }

    public async Task<PageOf<ProducerSummary>> ProducersAsync(SearchQuery query)
    {
        var sql = new StringBuilder(
            "SELECT producer_id, name, kind, district, province, product_count, max_stars, groups, count(*) OVER () FROM app.producers WHERE true");
        await using var cmd = db.CreateCommand();
        Filter(query, sql, cmd, starsColumn: "max_stars", groupCondition: "@group = ANY (groups)");
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

    private static void Filter(SearchQuery q, StringBuilder sql, NpgsqlCommand cmd, string starsColumn, string groupCondition)
    {
        var terms = q.Terms;
        for (var i = 0; i < terms.Count; i++)
        {
            sql.Append($" AND search_text LIKE @t{i}");
            cmd.Parameters.AddWithValue($"t{i}", "%" + EscapeLike(terms[i]) + "%");
        }

        if (!string.IsNullOrWhiteSpace(q.District))
        {
            sql.Append(" AND district_key = @district");
            cmd.Parameters.AddWithValue("district", VietnameseText.Fold(q.District));
        }

        if (q.Group is { } group)
        {
            sql.Append($" AND {groupCondition}");
            cmd.Parameters.AddWithValue("group", group.ToString());
        }

        if (q.MinStars is { } stars)
        {
            sql.Append($" AND {starsColumn} >= @stars");
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
