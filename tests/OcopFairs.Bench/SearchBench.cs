using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using OcopFairs.Domain;

namespace OcopFairs.Bench;

/// <summary>
/// Loads producers and products through the HTTP API, then measures product and producer search latency through HTTP
/// beside the same-run baseline: the same query over the same data in this process (fold, filter, sort, page in
/// memory). For comparison it also times the SQL product search the server used before its in-memory index (LIKE over
/// app.products plus a count), sent straight to PostgreSQL.
/// </summary>
public static class SearchBench
{
    private static readonly string[] Kinds = ["Bưởi", "Cam", "Mật ong", "Chè", "Gạo nếp", "Măng", "Rượu", "Nước ép", "Cao", "Thịt lợn", "Mắm", "Miến", "Tinh dầu", "Nấm", "Chuối"];
    private static readonly string[] Qualifiers = ["Diễn", "Cao Phong", "rừng", "Shan tuyết", "Đà Bắc", "Mường", "sấy khô", "hữu cơ", "đặc biệt", "truyền thống", "thượng hạng", "lên men", "dược liệu", "Bát Bảo", "tím"];
    private static readonly string[] Districts = ["Mai Châu", "Cao Phong", "Kim Bôi", "Yên Thủy", "Lạc Thủy", "Đà Bắc", "Tân Lạc", "Lương Sơn", "Lạc Sơn", "TP. Hòa Bình"];
    private static readonly string[] Groups = ["Food", "Beverages", "Herbal", "Handicrafts"];

    private sealed record Row(int Producer, string Name, string ProducerName, string District, string Group, int Stars)
    {
        public string Search { get; } = VietnameseText.Fold($"{Name} {ProducerName} {District}");
    }

    /// <summary>A producer as its own details are searched (name, district, commune).</summary>
    private sealed record ProducerRow(string Name, string District, string Commune)
    {
        public string Search { get; } = VietnameseText.Fold($"{Name} {District} {Commune}");
    }

    private sealed record Query(string? Q, string? District, string? Group, int? MinStars)
    {
        public string Http => string.Join('&', new[]
        {
            Q is null ? null : "q=" + Uri.EscapeDataString(Q),
            District is null ? null : "district=" + Uri.EscapeDataString(District),
            Group is null ? null : "group=" + Group,
            MinStars is null ? null : "minStars=" + MinStars,
            "pageSize=20",
        }.Where(p => p is not null));
    }

    public static async Task<int> RunAsync(Uri server, string connectionString, int producers, int productsPerProducer, int requests, int concurrency)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
        var rows = new List<Row>();
        var producerRows = new ProducerRow[producers];
        var load = Stopwatch.StartNew();
        await Parallel2.RunAsync(producers, 8, async i =>
        {
            var email = $"bench-{i}-{Guid.NewGuid():N}@bench.ocop";
            using var client = new HttpClient(new SocketsHttpHandler()) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
            (await client.PostAsJsonAsync("api/auth/register", new { email, password = "Bench@12345", role = "Producer", displayName = "Bench" })).EnsureSuccessStatusCode();
            var login = await (await client.PostAsJsonAsync("api/auth/login", new { email, password = "Bench@12345" })).Content.ReadFromJsonAsync<JsonObject>();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login!["accessToken"]!.GetValue<string>());
            var district = Districts[i % Districts.Length];
            var producerName = $"Hợp tác xã {Kinds[i % Kinds.Length]} {Qualifiers[(i / Kinds.Length) % Qualifiers.Length]} số {i}";
            (await client.PutAsJsonAsync("api/producers/me", new
            {
                name = producerName, kind = "Cooperative", province = "Hòa Bình", district, commune = "Xã " + i, phone = "0218 3880 000",
            })).EnsureSuccessStatusCode();
            producerRows[i] = new ProducerRow(producerName, district, "Xã " + i);
            for (var j = 0; j < productsPerProducer; j++)
            {
                var n = (i * productsPerProducer) + j;
                var name = $"{Kinds[n % Kinds.Length]} {Qualifiers[(n / 7) % Qualifiers.Length]} {n}";
                var group = Groups[n % Groups.Length];
                var stars = 3 + (n % 3);
                var response = await client.PostAsJsonAsync("api/producers/me/products", new
                {
                    name, group, stars, certificateNo = $"B-{n}", certificateLevel = "Province", certifiedOn = "2025-01-15",
                });
                response.EnsureSuccessStatusCode();
                lock (rows)
                {
                    rows.Add(new Row(i, name, producerName, district, group, stars));
                }
            }
        }, "producers loaded");
        Console.WriteLine($"loaded {producers} producers and {rows.Count} products through HTTP in {load.Elapsed.TotalSeconds:F0} s");

        // Sign in once for the measured requests.
        var email0 = $"bench-reader-{Guid.NewGuid():N}@bench.ocop";
        (await http.PostAsJsonAsync("api/auth/register", new { email = email0, password = "Bench@12345", role = "Buyer", displayName = "Reader" })).EnsureSuccessStatusCode();
        var token = (await (await http.PostAsJsonAsync("api/auth/login", new { email = email0, password = "Bench@12345" })).Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Query[] queries =
        [
            new("buoi dien", null, null, null),
            new("mat ong rung", null, "Food", null),
            new("che shan tuyet", "Đà Bắc", null, null),
            new("cam cao phong", null, null, 4),
            new("gao", "kim boi", "Food", 3),
            new(null, "Mai Châu", "Beverages", 5),
            new("nam say kho", null, null, null),
            new("ruou", null, "Beverages", 4),
        ];

        // Warm up every path once, then measure.
        foreach (var q in queries)
        {
            (await http.GetAsync("api/products?" + q.Http)).EnsureSuccessStatusCode();
            (await http.GetAsync("api/producers?" + q.Http)).EnsureSuccessStatusCode();
        }

        var (viaHttp, totals) = await TimeHttpAsync(http, "api/products?", queries, requests, concurrency);
        var (producersViaHttp, producerTotals) = await TimeHttpAsync(http, "api/producers?", queries, requests, concurrency);

        var (inProcess, expected) = TimeInProcess(queries, requests, filter =>
        {
            var matched = rows.Where(filter.Matches).ToList();
            _ = matched.OrderByDescending(r => r.Stars).ThenBy(r => r.Name, StringComparer.Ordinal).Take(20).ToList();
            return matched.Count;
        });

        // Producers: found by their own details or by a product the product search finds (with the same filters);
        // district, group and stars also hold for the producer as a whole. Own-detail matches first.
        var productsOf = rows.ToLookup(r => r.Producer);
        var (producersInProcess, expectedProducers) = TimeInProcess(queries, requests, filter =>
        {
            var q = filter.Query;
            var byProduct = rows.Where(filter.Matches).Select(r => r.Producer).ToHashSet();
            var matched = Enumerable.Range(0, producerRows.Length)
                .Where(p => (filter.District is null || VietnameseText.Fold(producerRows[p].District) == filter.District)
                    && (q.Group is null || productsOf[p].Any(r => r.Group == q.Group))
                    && (q.MinStars is null || productsOf[p].Any(r => r.Stars >= q.MinStars)))
                .Select(p => (p, Own: filter.Terms.All(t => producerRows[p].Search.Contains(t, StringComparison.Ordinal))))
                .Where(x => x.Own || byProduct.Contains(x.p))
                .ToList();
            _ = matched.OrderByDescending(x => x.Own).ThenBy(x => producerRows[x.p].Name, StringComparer.Ordinal).Take(20).ToList();
            return matched.Count;
        });

        var rawSql = new Samples();
        await using (var db = NpgsqlDataSource.Create(connectionString))
        {
            // Open the pool's connections and warm PostgreSQL's plan cache before measuring, as the server's pool is.
            await Parallel2.RunAsync(concurrency * 4, concurrency, i => RawSqlAsync(db, queries[i % queries.Length]), "raw sql warm-up");
            await Parallel2.RunAsync(requests, concurrency, async i =>
            {
                var q = queries[i % queries.Length];
                rawSql.Add(await Samples.TimeAsync(() => RawSqlAsync(db, q)));
            }, "raw sql searches");
        }

        Console.WriteLine();
        Console.WriteLine($"search over {rows.Count} products, {requests} requests per path, concurrency {concurrency}");
        Console.WriteLine($"  HTTP  GET /api/products : {viaHttp.Summary()}");
        Console.WriteLine($"  baseline in process     : {inProcess.Summary()}");
        Console.WriteLine($"  SQL LIKE search (before): {rawSql.Summary()}");
        Console.WriteLine($"search over {producerRows.Length} producers and their products, {requests} requests per path, concurrency {concurrency}");
        Console.WriteLine($"  HTTP  GET /api/producers: {producersViaHttp.Summary()}");
        Console.WriteLine($"  baseline in process     : {producersInProcess.Summary()}");
        var agree = ReportTotals("products", queries, totals, expected) & ReportTotals("producers", queries, producerTotals, expectedProducers);
        var goal = viaHttp.Percentile(99) <= 50 && producersViaHttp.Percentile(99) <= 50;
        Console.WriteLine($"  goal p99 <= 50 ms through HTTP (both): {(goal ? "met" : "MISSED")}");
        return agree ? 0 : 1;
    }

    /// <summary>The folded query, shared by the product baseline and the producer baseline's product matches.</summary>
    private sealed record ProductFilter(string[] Terms, string? District, Query Query)
    {
        public static ProductFilter For(Query q) => new(
            VietnameseText.Fold(q.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            q.District is null ? null : VietnameseText.Fold(q.District),
            q);

        public bool Matches(Row r) => Terms.All(t => r.Search.Contains(t, StringComparison.Ordinal))
            && (District is null || VietnameseText.Fold(r.District) == District)
            && (Query.Group is null || r.Group == Query.Group)
            && (Query.MinStars is null || r.Stars >= Query.MinStars);
    }

    /// <summary>Runs <paramref name="search"/> (which answers the total) for each request in turn, timing each.</summary>
    private static (Samples Samples, long[] Totals) TimeInProcess(Query[] queries, int requests, Func<ProductFilter, long> search)
    {
        var samples = new Samples();
        var totals = new long[queries.Length];
        for (var i = 0; i < requests; i++)
        {
            var sw = Stopwatch.StartNew();
            var total = search(ProductFilter.For(queries[i % queries.Length]));
            samples.Add(sw.Elapsed);
            totals[i % queries.Length] = total;
        }

        return (samples, totals);
    }

    private static async Task<(Samples Samples, long[] Totals)> TimeHttpAsync(HttpClient http, string path, Query[] queries, int requests, int concurrency)
    {
        var samples = new Samples();
        var totals = new long[queries.Length];
        await Parallel2.RunAsync(requests, concurrency, async i =>
        {
            var q = queries[i % queries.Length];
            long total = 0;
            samples.Add(await Samples.TimeAsync(async () =>
            {
                var page = await http.GetFromJsonAsync<JsonObject>(path + q.Http);
                total = page!["total"]!.GetValue<long>();
            }));
            totals[i % queries.Length] = total;
        }, "http " + path);
        return (samples, totals);
    }

    private static bool ReportTotals(string what, Query[] queries, long[] totals, long[] expected)
    {
        var mismatches = queries.Select((q, i) => (q, i)).Where(x => totals[x.i] != expected[x.i]).ToList();
        foreach (var (q, i) in mismatches)
        {
            Console.WriteLine($"  MISMATCH {what} '{q.Http}': HTTP total {totals[i]}, in-process {expected[i]}");
        }

        Console.WriteLine($"  {what} totals agree with the in-process baseline: {(mismatches.Count == 0 ? "yes" : "NO")}");
        return mismatches.Count == 0;
    }

    private static async Task RawSqlAsync(NpgsqlDataSource db, Query q)
    {
        var terms = VietnameseText.Fold(q.Q).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        await using var cmd = db.CreateCommand();
        var sql = "WITH matched AS (SELECT product_id, stars, name FROM app.products WHERE true";
        for (var i = 0; i < terms.Length; i++)
        {
            sql += $" AND search_text LIKE @t{i}";
            cmd.Parameters.AddWithValue($"t{i}", "%" + terms[i] + "%");
        }

        if (q.District is not null) { sql += " AND district_key = @d"; cmd.Parameters.AddWithValue("d", VietnameseText.Fold(q.District)); }
        if (q.Group is not null) { sql += " AND product_group = @g"; cmd.Parameters.AddWithValue("g", q.Group); }
        if (q.MinStars is not null) { sql += " AND stars >= @s"; cmd.Parameters.AddWithValue("s", q.MinStars.Value); }
        cmd.CommandText = sql + "), page AS (SELECT product_id, stars, name FROM matched ORDER BY stars DESC, name, product_id LIMIT 20)"
            + " SELECT c.payload::text, (SELECT count(*) FROM matched) FROM page JOIN app.product_cards c USING (product_id)"
            + " ORDER BY page.stars DESC, page.name, page.product_id";
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            _ = reader.GetString(0);
        }
    }
}
