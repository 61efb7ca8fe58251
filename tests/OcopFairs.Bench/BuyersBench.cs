using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Bench;

public sealed record BuyersOptions(
    Uri Server, string Db, int Producers, int ProductsPerProducer, int Buyers, int Requests, int Concurrency, int Pushes,
    int? ServerPid, int PgbenchSeconds, string? Pgbench, int Seed = 17);

/// <summary>
/// The buyers' side under load, on one fair seeded through the HTTP API: approved exhibitors with products, registered
/// buyers with 1–3 needs each. <c>match</c> times a buyer's top 50 with reasons over HTTP and inside the server (its
/// Server-Timing header) beside a plain scan of the same data in this process, and the push after a need changes;
/// <c>meetings</c> has buyers race for exhibitors' slots from many clients beside pgbench's single-row commits.
/// </summary>
public static class BuyersBench
{
    private const string Password = "Bench@12345";
    private static readonly string[] Kinds = ["Bưởi", "Cam", "Mật ong", "Chè", "Gạo nếp", "Măng", "Rượu", "Nước ép", "Cao", "Thịt lợn", "Mắm", "Miến", "Tinh dầu", "Nấm", "Chuối"];
    private static readonly string[] Qualifiers = ["Diễn", "Cao Phong", "rừng", "Shan tuyết", "Đà Bắc", "Mường", "sấy khô", "hữu cơ", "đặc biệt", "truyền thống"];
    private static readonly ProductGroup[] Groups = [ProductGroup.Food, ProductGroup.Beverages, ProductGroup.Herbal];
    private static readonly string[] Certs = ["VietGAP", "GlobalGAP", "HACCP", "organic", "ISO 22000"];
    private static readonly string[] Markets = ["Hà Nội", "TP. Hồ Chí Minh", "Hải Phòng", "JP", "KR", "SG"];

    private sealed record Seeded(string FairId, string Organiser, DateOnly LastDay, List<(string ProducerId, List<MatchCandidate> Products)> Exhibitors,
        List<(string Token, string BuyerId, List<SourcingNeed> Needs)> Buyers);

    // ---- match ---------------------------------------------------------------------------------------------------

    public static async Task<int> MatchAsync(BuyersOptions o)
    {
        using var http = Client(o.Server);
        var seeded = await SeedAsync(http, o, withNeeds: true);
        var random = new Random(o.Seed);
        var needs = seeded.Buyers.SelectMany(b => b.Needs.Select(n => (b.Token, b.BuyerId, Need: n))).ToArray();
        var candidates = seeded.Exhibitors.SelectMany(e => e.Products).ToArray();
        Console.Error.WriteLine($"index: {candidates.Length} products of {seeded.Exhibitors.Count} exhibitors, {needs.Length} needs of {seeded.Buyers.Count} buyers");

        // First pass: every need once (the index ranks it afresh); second pass: random needs, as buyers come back.
        var cold = new Samples();
        var coldIndex = new Samples();
        var warm = new Samples();
        var warmIndex = new Samples();
        var mismatches = 0;
        async Task AskAsync((string Token, string BuyerId, SourcingNeed Need) n, Samples total, Samples index, bool check)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"api/fairs/{seeded.FairId}/matches?needId={n.Need.NeedId}&limit=50");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", n.Token);
            request.Headers.AcceptLanguage.ParseAdd("vi");
            var sw = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            total.Add(sw.Elapsed);
            if (!response.IsSuccessStatusCode) throw new BenchException($"matches answered {(int)response.StatusCode}: {body}");
            if (response.Headers.TryGetValues("Server-Timing", out var timing)
                && timing.First().Split("dur=") is [_, var dur] && double.TryParse(dur, CultureInfo.InvariantCulture, out var ms))
            {
                index.Add(ms);
            }

            if (check)
            {
                using var doc = JsonDocument.Parse(body);
                var served = doc.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("producerId").GetString()).Take(10).ToArray();
                var expected = PlainScan(Matching.Prepare(n.Need), candidates, seeded.LastDay).Take(10).Select(s => s.Candidate.ProducerId).ToArray();
                if (!served.SequenceEqual(expected)) Interlocked.Increment(ref mismatches);
            }
        }

        await Parallel2.RunAsync(needs.Length, o.Concurrency, i => AskAsync(needs[i], cold, coldIndex, i % 10 == 0), "first ranking of every need");
        var picks = Enumerable.Range(0, o.Requests).Select(_ => needs[random.Next(needs.Length)]).ToArray();
        await Parallel2.RunAsync(picks.Length, o.Concurrency, i => AskAsync(picks[i], warm, warmIndex, false), "rankings asked again");

        // Baseline: the same rankings by a plain scan here (score every product with its reasons, best per producer, sort).
        var scan = new Samples();
        foreach (var n in picks.Take(Math.Min(picks.Length, 500)))
        {
            var sw = Stopwatch.StartNew();
            _ = PlainScan(Matching.Prepare(n.Need), candidates, seeded.LastDay).Take(50).ToList();
            scan.Add(sw.Elapsed);
        }

        // A need changed → the buyer's MatchesChanged push.
        var push = await PushesAsync(o, seeded, random);

        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; index {candidates.Length} products / {seeded.Exhibitors.Count} exhibitors, {needs.Length} needs / {seeded.Buyers.Count} buyers");
        Console.WriteLine($"  top 50 over HTTP, first ask per need : {cold.Summary()}");
        Console.WriteLine($"    inside the server (Server-Timing)   : {coldIndex.Summary()}");
        Console.WriteLine($"  top 50 over HTTP, asked again        : {warm.Summary()}   (goal p99 ≤ 50 ms)");
        Console.WriteLine($"    inside the server (Server-Timing)   : {warmIndex.Summary()}   (goal p99 ≤ 5 ms)");
        Console.WriteLine($"  baseline: plain scan in this process  : {scan.Summary()}");
        Console.WriteLine($"  need changed → MatchesChanged push    : {push.Summary()}   (goal p99 ≤ 200 ms)");
        Console.WriteLine($"  rankings checked against the plain scan: {needs.Length / 10} needs, {mismatches} differ in their top 10");
        return mismatches == 0 ? 0 : 1;
    }

    /// <summary>The baseline: every product scored with its reasons, vetoed ones dropped, each producer's best, sorted.</summary>
    private static IEnumerable<MatchScore> PlainScan(PreparedNeed need, MatchCandidate[] candidates, DateOnly lastDay) =>
        candidates.Select(c => Matching.Score(need, c, lastDay)).Where(s => !s.Vetoed)
            .GroupBy(s => s.Candidate.ProducerId).Select(g => g.Order(Matching.Order).First())
            .Order(Matching.Order);

    private static async Task<Samples> PushesAsync(BuyersOptions o, Seeded seeded, Random random)
    {
        var samples = new Samples();
        using var http = Client(o.Server);
        for (var k = 0; k < Math.Min(o.Pushes, seeded.Buyers.Count); k++)
        {
            var (token, _, needs) = seeded.Buyers[k];
            var arrived = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(o.Server, "hubs/fairs"), options => options.AccessTokenProvider = () => Task.FromResult<string?>(token))
                .Build();
            hub.On<JsonElement>("PrivateEvent", e =>
            {
                if (e.GetProperty("type").GetString() == "MatchesChanged") arrived.TrySetResult(Clock.Now);
            });
            await hub.StartAsync();
            var changed = needs.Select(n => n with { Keywords = [Kinds[random.Next(Kinds.Length)]] }).ToList();
            var sent = Clock.Now;
            await RushBench.CallAsync(http, HttpMethod.Put, "api/buyers/me", token, ProfileBody(k, changed));
            var done = await Task.WhenAny(arrived.Task, Task.Delay(5000));
            samples.Add(done == arrived.Task ? Clock.Ms(sent, await arrived.Task) : 5000);
        }

        return samples;
    }

    // ---- meetings ------------------------------------------------------------------------------------------------

    public static async Task<int> MeetingsAsync(BuyersOptions o)
    {
        using var http = Client(o.Server);
        var seeded = await SeedAsync(http, o, withNeeds: false);
        var fair = await RushBench.CallAsync(http, HttpMethod.Get, $"api/fairs/{seeded.FairId}", seeded.Organiser, null);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fair.GetProperty("startsAt").GetDateTimeOffset(), zone).DateTime);
        await RushBench.CallAsync(http, HttpMethod.Put, $"api/fairs/{seeded.FairId}/matching-hours", seeded.Organiser,
            new { days = new[] { new { date = day, from = "08:00", to = "13:20" } }, slotMinutes = 20, requestExpiryMinutes = 240 });
        var first = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));

        // Each buyer tries a few random exhibitors and slots; 64 clients send them all at once.
        var random = new Random(o.Seed);
        var attempts = Enumerable.Range(0, o.Requests).Select(i =>
        {
            var b = seeded.Buyers[i % seeded.Buyers.Count];
            return (b.Token, Producer: seeded.Exhibitors[random.Next(seeded.Exhibitors.Count)].ProducerId, StartsAt: first.AddMinutes(20 * random.Next(16)));
        }).ToArray();
        var latency = new Samples();
        var statuses = new ConcurrentDictionary<int, int>();
        var cpu = new CpuAccount(o.ServerPid);
        var wall = Stopwatch.StartNew();
        await Parallel2.RunAsync(attempts.Length, o.Concurrency, async i =>
        {
            var a = attempts[i];
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/fairs/{seeded.FairId}/meetings")
            {
                Content = JsonContent.Create(new { producerId = a.Producer, startsAt = a.StartsAt }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", a.Token);
            var sw = Stopwatch.StartNew();
            using var response = await http.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            latency.Add(sw.Elapsed);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
        }, "meeting requests");
        var seconds = wall.Elapsed.TotalSeconds;
        var cpuSummary = cpu.Summary();

        var doubles = await DoubleBookingsAsync(o.Db, seeded.FairId);
        var acknowledged = statuses.GetValueOrDefault(201);
        Console.Error.WriteLine($"baseline: pgbench, one-row upsert, -c {o.Concurrency} -T {o.PgbenchSeconds}");
        var pg = await RushBench.PgbenchAsync(o.Db, o.Concurrency, o.PgbenchSeconds, o.Pgbench);
        var ci = CultureInfo.InvariantCulture;
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; {seeded.Buyers.Count} buyers, {seeded.Exhibitors.Count} exhibitors, 16 slots, {o.Concurrency} clients");
        Console.WriteLine($"  requests: {attempts.Length} in {seconds:F2} s = {(attempts.Length / seconds).ToString("F1", ci)} decided/s; "
            + $"answers {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}; {(acknowledged / seconds).ToString("F1", ci)} acknowledged/s");
        Console.WriteLine($"  latency: {latency.Summary()}   (goal p99 ≤ 100 ms)");
        Console.WriteLine($"  baseline PG: {(pg.Error is null ? $"pgbench one-row upsert -c {o.Concurrency}: {pg.Tps.ToString("F1", ci)} tps" : "FAILED: " + pg.Error)}"
            + (pg.Error is null ? $"; decided/s = {attempts.Length / seconds / pg.Tps:P1} of it (goal ≥ 50 %)" : ""));
        Console.WriteLine($"  CPU: {cpuSummary}");
        Console.WriteLine($"  double bookings in app.meetings: {doubles}");
        return doubles == 0 ? 0 : 1;
    }

    /// <summary>Live meetings that share a buyer's slot, or more than a place holds in a slot.</summary>
    private static async Task<long> DoubleBookingsAsync(string connectionString, string fairId)
    {
        await using var db = NpgsqlDataSource.Create(connectionString);
        await using var cmd = db.CreateCommand("""
            SELECT (SELECT count(*) FROM (SELECT 1 FROM app.meetings WHERE fair_id = $1 AND status IN ('Requested', 'Accepted')
                                          GROUP BY buyer_id, starts_at HAVING count(*) > 1) b)
                 + (SELECT count(*) FROM (SELECT 1 FROM app.meetings WHERE fair_id = $1 AND status IN ('Requested', 'Accepted')
                                          GROUP BY place_key, starts_at, (meeting -> 'place' ->> 'capacity')::int
                                          HAVING count(*) > (meeting -> 'place' ->> 'capacity')::int) p)
            """);
        cmd.Parameters.AddWithValue(fairId);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    // ---- seeding -------------------------------------------------------------------------------------------------

    private static async Task<Seeded> SeedAsync(HttpClient http, BuyersOptions o, bool withNeeds)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var organiser = await RushBench.LoginAsync(http, "organiser@demo.ocop", "Demo@12345");
        var now = DateTimeOffset.UtcNow;
        var fair = await RushBench.CallAsync(http, HttpMethod.Post, "api/fairs", organiser, new
        {
            name = $"Hội nghị kết nối giao thương bench {now:yyyyMMdd-HHmmss}", venue = "Trung tâm Hội nghị tỉnh", province = "Hòa Bình",
            startsAt = now.AddDays(40), endsAt = now.AddDays(42), registrationOpensAt = now.AddDays(-1), registrationClosesAt = now.AddDays(30),
            minStars = 3, acceptedGroups = Groups.Select(g => g.ToString()).ToArray(), boothsPerProducer = 1, holdMinutes = 30, allocationMode = "FirstCome",
        });
        var fairId = fair.GetProperty("fairId").GetString()!;
        await RushBench.CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/floor-plan/grid", organiser,
            new { zones = new[] { new { code = "A", name = "Khu A", groups = Groups.Select(g => g.ToString()).ToArray(), booths = 10 } }, perRow = 10 });
        await RushBench.CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/publish", organiser, new { });
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now.AddDays(42), TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).DateTime);

        var exhibitors = new (string ProducerId, List<MatchCandidate> Products, string ApplicationId)[o.Producers];
        await Parallel2.RunAsync(o.Producers, 8, async i =>
        {
            var token = await AccountAsync(http, $"match-{run}-p{i}@bench.ocop", "Producer");
            var name = $"Hợp tác xã {Kinds[i % Kinds.Length]} {Qualifiers[i / Kinds.Length % Qualifiers.Length]} {i}";
            var profile = await RushBench.CallAsync(http, HttpMethod.Put, "api/producers/me", token, new
            {
                name, kind = "Cooperative", province = "Hòa Bình", district = "Cao Phong", commune = $"Xã {i}", phone = "0218 3880 000",
            });
            var producerId = profile.GetProperty("producerId").GetString()!;
            var random = new Random(o.Seed * 7919 + i);
            var products = new List<MatchCandidate>();
            for (var j = 0; j < o.ProductsPerProducer; j++)
            {
                var n = i * o.ProductsPerProducer + j;
                var productName = $"{Kinds[n % Kinds.Length]} {Qualifiers[n / 7 % Qualifiers.Length]} {n}";
                var group = Groups[random.Next(Groups.Length)];
                var stars = 3 + random.Next(3);
                string[] certs = [.. Certs.Where(_ => random.Next(3) == 0)];
                var capacity = new Quantity(1 + random.Next(40), "tan");
                var price = new PriceRange(10_000 + random.Next(50) * 1000, 70_000 + random.Next(50) * 1000, "kg");
                var certified = new DateOnly(2025, 6, 1);
                var product = await RushBench.CallAsync(http, HttpMethod.Post, "api/producers/me/products", token, new
                {
                    name = productName, group = group.ToString(), stars, certificateNo = $"M-{run}-{n}", certificateLevel = "Province", certifiedOn = certified,
                    certifications = certs, capacityPerMonth = new { quantity = capacity.Amount, unit = "tấn" },
                    priceRange = new { min = price.Min, max = price.Max, unit = "kg" },
                });
                products.Add(new MatchCandidate(producerId, name, null, product.GetProperty("productId").GetString()!, productName,
                    MatchCandidate.Fold(productName, null, name), group, stars, certified.AddMonths(36), [.. certs], capacity, price, []));
            }

            var application = await RushBench.CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/applications", token, new
            {
                productIds = products.Take(3).Select(p => p.ProductId).ToArray(),
            });
            exhibitors[i] = (producerId, products, application.GetProperty("applicationId").GetString()!);
        }, "exhibitors with products");
        foreach (var chunk in exhibitors.Select(e => e.ApplicationId).Chunk(500))
        {
            await RushBench.CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/applications/bulk", organiser, new { action = "approve", applicationIds = chunk });
        }

        var buyers = new (string Token, string BuyerId, List<SourcingNeed> Needs)[o.Buyers];
        await Parallel2.RunAsync(o.Buyers, 8, async i =>
        {
            var token = await AccountAsync(http, $"match-{run}-b{i}@bench.ocop", "Buyer");
            var random = new Random(o.Seed * 104729 + i);
            var needs = Enumerable.Range(0, withNeeds ? 1 + random.Next(3) : 1).Select(_ => new SourcingNeed("",
                [$"{Kinds[random.Next(Kinds.Length)]} {Qualifiers[random.Next(Qualifiers.Length)]}"],
                [Groups[random.Next(Groups.Length)]], 3 + random.Next(2), [.. Certs.Where(_ => random.Next(5) == 0)],
                new Quantity(1 + random.Next(30), "tan"), new PriceBand(15_000 + random.Next(20) * 1000, 60_000 + random.Next(40) * 1000, "kg"),
                [Markets[random.Next(Markets.Length)]])).ToList();
            var saved = await RushBench.CallAsync(http, HttpMethod.Put, "api/buyers/me", token, ProfileBody(i, needs));
            var ids = saved.GetProperty("needs").EnumerateArray().Select(n => n.GetProperty("needId").GetString()!).ToList();
            await RushBench.CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/buyers/me", token, new { });
            buyers[i] = (token, saved.GetProperty("buyerId").GetString()!, [.. needs.Select((n, k) => n with { NeedId = ids[k] })]);
        }, "buyers with needs, registered");

        return new Seeded(fairId, organiser, lastDay, [.. exhibitors.Select(e => (e.ProducerId, e.Products))], [.. buyers]);
    }

    private static object ProfileBody(int i, IEnumerable<SourcingNeed> needs) => new
    {
        organisation = $"Siêu thị bench {i}", kind = (i % 4) switch { 0 => "Supermarket", 1 => "CleanFoodStore", 2 => "Exporter", _ => "Distributor" },
        province = "Hà Nội", representatives = new[] { new { name = $"Đại diện {i}", phone = "0912 345 678" } },
        needs = needs.Select(n => new
        {
            needId = string.IsNullOrEmpty(n.NeedId) ? null : n.NeedId, keywords = n.Keywords, groups = n.Groups.Select(g => g.ToString()), minStars = n.MinStars,
            certifications = n.Certifications, quantityPerMonth = new { quantity = n.QuantityPerMonth!.Amount, unit = "tấn" },
            priceBandVnd = new { min = n.PriceBandVnd!.Min, max = n.PriceBandVnd.Max, per = "kg" }, markets = n.Markets,
        }),
    };

    private static async Task<string> AccountAsync(HttpClient http, string email, string role)
    {
        await RushBench.CallAsync(http, HttpMethod.Post, "api/auth/register", null, new { email, password = Password, role, displayName = "Bench" });
        return await RushBench.LoginAsync(http, email, Password);
    }

    private static HttpClient Client(Uri server) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 128 }) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(120) };
}
