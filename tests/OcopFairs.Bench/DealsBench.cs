using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Npgsql;

namespace OcopFairs.Bench;

public sealed record DealsOptions(
    Uri Server, string Db, int Watchers, int Clients, double Rate, int Seconds, int Pairs, int? ServerPid, int BarePort, int WarmUp);

/// <summary>
/// The results board under a signing rush (issue 18): a published fair with <see cref="DealsOptions.Pairs"/> approved
/// exhibitors and registered buyers, seeded through HTTP; <see cref="DealsOptions.Watchers"/> light watchers on the
/// fair's stream (JoinFairBatched, as the web app's board); <see cref="DealsOptions.Clients"/> clients that create and
/// sign deals (buyer creates, buyer signs, producer signs) at <see cref="DealsOptions.Rate"/> signings/s for
/// <see cref="DealsOptions.Seconds"/> s. Measures: signings lost (acknowledged, yet not counted in the ledger or not
/// announced to every watcher), the board's totals against a SQL recount of app.deals, the push p99 from the second
/// signature's answer to the last watcher's DealSigned (which travels in the same message as the board that counts it),
/// and the server's CPU per delivered message beside a bare SignalR hub — a process of its own, so its CPU is read as
/// the server's is — sending the same messages (the same bytes, on the same schedule) to as many watchers.
/// </summary>
public static class DealsBench
{
    private const string Password = "Bench@12345";
    private static readonly string[] Districts = ["Cao Phong", "Kim Bôi", "Đà Bắc", "Lạc Sơn", "Mai Châu", "Tân Lạc"];
    private static readonly string[] Kinds = ["Memorandum", "CooperationAgreement", "ConsumptionContract"];
    private static readonly string[] BuyerKinds = ["Supermarket", "CleanFoodStore", "Exporter", "Distributor"];

    private sealed record Pair(string BuyerToken, string ProducerToken, string ProducerId, string ProductId);

    public static async Task<int> RunAsync(DealsOptions o)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = o.Server, Timeout = TimeSpan.FromSeconds(120) };
        var (fairId, pairs) = await SeedAsync(http, o);
        var deals = $"api/fairs/{fairId}/deals";

        // Warm-up: the same path a few dozen times, so the measured run does not pay for compiling it.
        var warmed = 0;
        await Parallel2.RunAsync(o.WarmUp, 8, async i =>
        {
            await SignAsync(http, deals, pairs[i % pairs.Count], i);
            Interlocked.Increment(ref warmed);
        }, "warm-up signings");
        await Task.Delay(2000);

        // The same signing rush with nobody watching: what the ledger and the board cost the server without any push.
        var aloneTotal = (int)Math.Round(o.Rate * o.Seconds);
        Console.Error.WriteLine($"signing with no watchers: {aloneTotal} deals at {o.Rate} signings/s");
        var aloneCpu = new CpuAccount(o.ServerPid);
        var alone = await SigningAsync(http, deals, pairs, o, aloneTotal, warmed + 1_000_000);
        await Task.Delay(1000);
        var aloneSeconds = aloneCpu.ServerSeconds;
        var aloneSummary = aloneCpu.Summary();
        warmed += alone.Acks.Count;
        await Task.Delay(1000);

        var before = await RushBench.CallAsync(http, HttpMethod.Get, $"api/fairs/{fairId}/board", null, null);
        var version0 = before.GetProperty("version").GetInt64();
        var tracker = new PushTracker(o.Watchers);
        var hubUrl = new Uri(o.Server, "hubs/fairs");
        var watchers = await WatcherPool.ConnectAsync(hubUrl, fairId, version0, o.Watchers, tracker, "watchers joined", batched: true, light: true);
        await Task.Delay(2000);

        // ---- The signing rush ----
        var total = (int)Math.Round(o.Rate * o.Seconds);
        Console.Error.WriteLine($"signing: {total} deals at {o.Rate} signings/s from {o.Clients} clients, {o.Watchers} watchers");
        var cpu = new CpuAccount(o.ServerPid);
        var messagesBefore = tracker.Messages;
        var (acks, failures, answer, signingSeconds) = await SigningAsync(http, deals, pairs, o, total, warmed);
        var watchedOffset = warmed + total;

        // Every acknowledged signing announced to every watcher (at most 20 s more).
        var ackList = acks.ToList();
        var drain = Stopwatch.StartNew();
        while (drain.Elapsed < TimeSpan.FromSeconds(20) && ackList.Any(a => tracker.VersionOf("deal|" + a.DealId) is not { } v || !tracker.IsComplete(v, out _)))
        {
            await Task.Delay(100);
        }

        await Task.Delay(1000); // the board's last coalesced push
        var serverSeconds = cpu.ServerSeconds;
        (long Count, decimal Vnd, decimal Tonnes) watchedRecount;
        var cpuSummary = cpu.Summary();
        var delivered = tracker.Messages - messagesBefore;
        var push = new Samples();
        var notAnnounced = 0;
        foreach (var (dealId, at) in ackList)
        {
            if (tracker.VersionOf("deal|" + dealId) is { } v && tracker.IsComplete(v, out var last)) push.Add(Math.Max(0, Clock.Ms(at, last)));
            else notAnnounced++;
        }

        // The ledger as the watched rush left it, for the last board the watchers got.
        await using (var early = NpgsqlDataSource.Create(o.Db))
        {
            watchedRecount = await RecountAsync(early, fairId);
        }

        // The unwatched rush again, now that the watchers have gone: the server's cost without pushes, before and after
        // the watched rush, averaged (the first may still pay for compiling what the warm-up did not reach).
        await watchers.DisposeAsync();
        await Task.Delay(2000);
        Console.Error.WriteLine($"signing with no watchers again: {aloneTotal} deals at {o.Rate} signings/s");
        var againCpu = new CpuAccount(o.ServerPid);
        var again = await SigningAsync(http, deals, pairs, o, aloneTotal, watchedOffset + 1_000_000);
        await Task.Delay(1000);
        var againSeconds = againCpu.ServerSeconds;
        var againSummary = againCpu.Summary();
        foreach (var a in again.Acks) alone.Acks.Add(a);
        foreach (var failure in again.Failures) alone.Failures.Enqueue(failure);

        // ---- The ledger in SQL, the board over HTTP, and the last board a watcher got ----
        await using var db = NpgsqlDataSource.Create(o.Db);
        var aloneAcks = alone.Acks.ToList();
        var ids = ackList.Concat(aloneAcks).Select(a => a.DealId).ToArray();
        var countedAcked = await ScalarAsync<long>(db, "SELECT count(*) FROM app.deals WHERE deal_id = ANY($1) AND counted", ids);
        var (sqlCount, sqlVnd, sqlTonnes) = await RecountAsync(db, fairId);
        var board = await RushBench.CallAsync(http, HttpMethod.Get, $"api/fairs/{fairId}/board", null, null);
        var boardDeals = board.GetProperty("deals");
        var boardCount = Kinds.Sum(k => boardDeals.GetProperty("byKind").TryGetProperty(k, out var n) ? n.GetInt64() : 0);
        var (boardVnd, boardTonnes) = (boardDeals.GetProperty("vnd").GetDecimal(), boardDeals.GetProperty("tonnes").GetDecimal());
        var kept = tracker.Kept.Where(k => k.From >= version0).OrderBy(k => k.From).ToList();
        var lastPushed = kept.SelectMany(k => k.Events.EnumerateArray())
            .LastOrDefault(e => e.ValueKind == JsonValueKind.Object && e.GetProperty("type").GetString() == "BoardChanged");
        decimal? pushedVnd = lastPushed.ValueKind == JsonValueKind.Object ? lastPushed.GetProperty("data").GetProperty("deals").GetProperty("vnd").GetDecimal() : null;

        // ---- Baseline: a bare SignalR hub in a process of its own sends the same messages to as many watchers ----
        var (bareSeconds, bareDelivered, bareMissing, bareSummary) = await BareAsync(o, kept);

        var lost = ackList.Count + aloneAcks.Count - countedAcked + notAnnounced;
        // The push's own cost: the server's CPU with the watchers, less the same rush's without them.
        var unwatchedSeconds = (aloneSeconds + againSeconds) / 2;
        var pushSeconds = serverSeconds - unwatchedSeconds;
        var pushPerMessage = pushSeconds * 1e6 / Math.Max(1, delivered);
        var perMessage = serverSeconds * 1e6 / Math.Max(1, delivered);
        var barePerMessage = bareSeconds * 1e6 / Math.Max(1, bareDelivered);
        var ratio = perMessage / Math.Max(1e-9, barePerMessage);
        var pushRatio = pushPerMessage / Math.Max(1e-9, barePerMessage);
        var totalsEqual = boardCount == sqlCount && boardVnd == sqlVnd && boardTonnes == sqlTonnes && pushedVnd == watchedRecount.Vnd;
        string Goal(bool met) => met ? "met" : "MISSED";
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores; fair {fairId}: {pairs.Count} exhibitor–buyer pairs, {o.Watchers} watchers (JoinFairBatched, light)");
        Console.WriteLine($"  signings          : {ackList.Count} of {total} acknowledged in {signingSeconds:F1} s = {ackList.Count / signingSeconds:F1} signings/s ({o.Clients} clients, goal rate {o.Rate}/s); {failures.Count} failed{(failures.TryPeek(out var f) ? $" (first: {f})" : "")}");
        Console.WriteLine($"  create+sign+sign  : {answer.Summary()}");
        Console.WriteLine($"  ledger            : {countedAcked} of {ids.Length} acknowledged deals (both rushes) counted in app.deals; {notAnnounced} of the watched rush's not announced to every watcher");
        Console.WriteLine($"  unwatched rushes  : {aloneAcks.Count} signings in two rushes, {alone.Failures.Count} failed; before: CPU {aloneSummary}");
        Console.WriteLine($"                      after: CPU {againSummary}; create+sign+sign {again.Answer.Summary()}");
        Console.WriteLine($"  totals            : board {boardCount} deals / {boardVnd.ToString(CultureInfo.InvariantCulture)} VND / {boardTonnes.ToString(CultureInfo.InvariantCulture)} t; SQL recount {sqlCount} / {sqlVnd.ToString(CultureInfo.InvariantCulture)} / {sqlTonnes.ToString(CultureInfo.InvariantCulture)}; last pushed board {pushedVnd?.ToString(CultureInfo.InvariantCulture) ?? "none"} VND = SQL after the watched rush {watchedRecount.Vnd.ToString(CultureInfo.InvariantCulture)} VND");
        Console.WriteLine($"  board push        : second signature's answer -> last of {o.Watchers} watchers: {push.Summary()}");
        Console.WriteLine($"  messages          : {kept.Count} FairEvents messages per watcher ({kept.Sum(k => k.To - k.From)} events), {delivered} delivered in all");
        Console.WriteLine($"  CPU during signing: {cpuSummary}");
        Console.WriteLine($"  server CPU        : {serverSeconds:F2} s / {delivered} messages = {perMessage:F1} µs per delivered message (everything: HTTP, grains, PostgreSQL client, push)");
        Console.WriteLine($"  push's own CPU    : {serverSeconds:F2} s - {unwatchedSeconds:F2} s unwatched (mean of {aloneSeconds:F2} and {againSeconds:F2}) = {pushSeconds:F2} s / {delivered} messages = {pushPerMessage:F1} µs per delivered message");
        Console.WriteLine($"  bare hub          : {bareSummary}; {bareSeconds:F2} s / {bareDelivered} messages = {barePerMessage:F1} µs per delivered message; not received by all: {bareMissing}");
        Console.WriteLine($"  goal 0 signings lost                      : {Goal(lost == 0 && failures.IsEmpty && alone.Failures.IsEmpty)} ({lost} lost, {failures.Count + alone.Failures.Count} failed)");
        Console.WriteLine($"  goal board totals = SQL recount           : {Goal(totalsEqual)}");
        Console.WriteLine($"  goal board push p99 <= 500 ms             : {Goal(push.Count > 0 && push.Percentile(99) <= 500)} ({push.Percentile(99):F1} ms)");
        Console.WriteLine($"  goal CPU per message <= 1.5x bare hub     : {Goal(pushRatio <= 1.5)} ({pushRatio:F2}x for the push's own CPU; {ratio:F2}x counting all the server's CPU, the ledger's HTTP, grains and SQL included)");
        return lost == 0 && totalsEqual ? 0 : 1;
    }

    private static async Task<(ConcurrentBag<(string DealId, long At)> Acks, ConcurrentQueue<string> Failures, Samples Answer, double Seconds)> SigningAsync(
        HttpClient http, string deals, List<Pair> pairs, DealsOptions o, int total, int offset)
    {
        var acks = new ConcurrentBag<(string DealId, long At)>();
        var failures = new ConcurrentQueue<string>();
        var answer = new Samples();
        var next = -1;
        var start = Clock.Now;
        await Task.WhenAll(Enumerable.Range(0, o.Clients).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= total) return;
                var wait = i * 1000.0 / o.Rate - Clock.Ms(start, Clock.Now);
                if (wait > 1) await Task.Delay(TimeSpan.FromMilliseconds(wait));
                try
                {
                    var sw = Stopwatch.StartNew();
                    var dealId = await SignAsync(http, deals, pairs[i % pairs.Count], offset + i);
                    answer.Add(sw.Elapsed);
                    acks.Add((dealId, Clock.Now));
                }
                catch (Exception ex) when (ex is BenchException or HttpRequestException or TaskCanceledException)
                {
                    failures.Enqueue(ex.Message);
                }
            }
        })));
        return (acks, failures, answer, Clock.Ms(start, Clock.Now) / 1000);
    }

    /// <summary>Creates a deal as the buyer, signs it as the buyer, then as the producer; answers its id once the second signature is answered.</summary>
    private static async Task<string> SignAsync(HttpClient http, string deals, Pair p, int i)
    {
        var created = await RushBench.CallAsync(http, HttpMethod.Post, deals, p.BuyerToken, new
        {
            kind = Kinds[i % Kinds.Length],
            producerId = p.ProducerId,
            lines = new[] { new { productId = p.ProductId, quantity = 100 + (i % 37) * 25, unit = "kg", unitPriceVnd = 20_000 + (i % 11) * 1_000, months = (i % 4 == 0) ? (int?)6 : null } },
            deliveryTerms = "Giao tại kho bên mua",
            market = i % 5 == 0 ? new { export = true, name = "JP" } : new { export = false, name = "Hà Nội" },
            validFrom = DateOnly.FromDateTime(DateTime.UtcNow),
            validTo = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(12),
        });
        var dealId = created.GetProperty("dealId").GetString()!;
        await RushBench.CallAsync(http, HttpMethod.Post, $"{deals}/{dealId}/sign", p.BuyerToken, new { version = 1 });
        await RushBench.CallAsync(http, HttpMethod.Post, $"{deals}/{dealId}/sign", p.ProducerToken, new { version = 1 });
        return dealId;
    }

    private static async Task<(string FairId, List<Pair> Pairs)> SeedAsync(HttpClient http, DealsOptions o)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var organiser = await RushBench.LoginAsync(http, "organiser@demo.ocop", "Demo@12345");
        var now = DateTimeOffset.UtcNow;
        var fair = await RushBench.CallAsync(http, HttpMethod.Post, "api/fairs", organiser, new
        {
            name = $"Hội chợ OCOP ký kết bench {now:yyyyMMdd-HHmmss}", venue = "Quảng trường Hòa Bình", province = "Hòa Bình",
            startsAt = now.AddDays(40), endsAt = now.AddDays(42), registrationOpensAt = now.AddDays(-1), registrationClosesAt = now.AddDays(30),
            minStars = 3, acceptedGroups = new[] { "Food", "Beverages" }, boothsPerProducer = 1, holdMinutes = 30, allocationMode = "FirstCome",
        });
        var fairId = fair.GetProperty("fairId").GetString()!;
        await RushBench.CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/floor-plan/grid", organiser,
            new { zones = new[] { new { code = "A", name = "Khu A", groups = new[] { "Food", "Beverages" }, booths = 10 } }, perRow = 10 });
        await RushBench.CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/publish", organiser, new { });

        var pairs = new Pair[o.Pairs];
        var applications = new string[o.Pairs];
        await Parallel2.RunAsync(o.Pairs, 8, async i =>
        {
            var producer = await AccountAsync(http, $"deals-{run}-p{i}@bench.ocop", "Producer");
            var profile = await RushBench.CallAsync(http, HttpMethod.Put, "api/producers/me", producer, new
            {
                name = $"Hợp tác xã Ký Kết {i}", kind = "Cooperative", province = "Hòa Bình", district = Districts[i % Districts.Length], commune = $"Xã {i}", phone = "0218 3880 000",
            });
            var product = await RushBench.CallAsync(http, HttpMethod.Post, "api/producers/me/products", producer, new
            {
                name = $"Gạo nếp bench {i}", group = i % 2 == 0 ? "Food" : "Beverages", stars = 4, certificateNo = $"D-{run}-{i}", certificateLevel = "Province",
                certifiedOn = new DateOnly(2025, 6, 1), certifications = new[] { "VietGAP" }, capacityPerMonth = new { quantity = 20, unit = "tấn" },
                priceRange = new { min = 20_000, max = 40_000, unit = "kg" },
            });
            var productId = product.GetProperty("productId").GetString()!;
            var application = await RushBench.CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/applications", producer, new { productIds = new[] { productId } });
            applications[i] = application.GetProperty("applicationId").GetString()!;
            var buyer = await AccountAsync(http, $"deals-{run}-b{i}@bench.ocop", "Buyer");
            await RushBench.CallAsync(http, HttpMethod.Put, "api/buyers/me", buyer, new
            {
                organisation = $"Siêu thị bench {i}", kind = BuyerKinds[i % BuyerKinds.Length], province = "Hà Nội",
                representatives = new[] { new { name = $"Đại diện {i}", phone = "0912 345 678" } }, needs = Array.Empty<object>(),
            });
            await RushBench.CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/buyers/me", buyer, new { });
            pairs[i] = new Pair(buyer, producer, profile.GetProperty("producerId").GetString()!, productId);
        }, "exhibitor-buyer pairs");
        await RushBench.CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/applications/bulk", organiser, new { action = "approve", applicationIds = applications });
        return (fairId, [.. pairs]);
    }

    private static async Task<string> AccountAsync(HttpClient http, string email, string role)
    {
        await RushBench.CallAsync(http, HttpMethod.Post, "api/auth/register", null, new { email, password = Password, role, displayName = "Bench" });
        return await RushBench.LoginAsync(http, email, Password);
    }

    private static async Task<(long Count, decimal Vnd, decimal Tonnes)> RecountAsync(NpgsqlDataSource db, string fairId)
    {
        await using var cmd = db.CreateCommand("SELECT count(*), coalesce(sum(vnd), 0), coalesce(sum(tonnes), 0) FROM app.deals WHERE fair_id = $1 AND counted");
        cmd.Parameters.AddWithValue(fairId);
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetDecimal(1), reader.GetDecimal(2));
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql, object arg)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.AddWithValue(arg);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }

    // ---- The bare hub, in a process of its own -------------------------------------------------------------------

    private static async Task<(double Seconds, long Delivered, int Missing, string Summary)> BareAsync(DealsOptions o, List<(long At, long From, long To, JsonElement Events)> kept)
    {
        if (kept.Count == 0) return (0, 0, 0, "nothing to send");
        var self = typeof(DealsBench).Assembly.Location;
        using var child = Process.Start(new ProcessStartInfo("dotnet", $"\"{self}\" bare-hub --port {o.BarePort}") { UseShellExecute = false, RedirectStandardOutput = true })!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{o.BarePort}/"), Timeout = TimeSpan.FromMinutes(5) };
            var up = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    (await http.GetAsync("ready")).EnsureSuccessStatusCode();
                    break;
                }
                catch (HttpRequestException) when (up.Elapsed < TimeSpan.FromSeconds(30))
                {
                    await Task.Delay(200);
                }
            }

            var tracker = new PushTracker(o.Watchers);
            await using var watchers = await WatcherPool.ConnectAsync(new Uri(http.BaseAddress!, "hubs/bare"), "bare", 0, o.Watchers, tracker, "bare-hub watchers joined", batched: true, light: true);
            var first = kept[0].At;
            var body = JsonSerializer.Serialize(new { messages = kept.Select(k => new { ms = Clock.Ms(first, k.At), count = k.To - k.From, events = k.Events }) });
            using (var warm = new StringContent(body, System.Text.Encoding.UTF8, "application/json"))
            {
                (await http.PostAsync("warm", warm)).EnsureSuccessStatusCode();
            }

            await Task.Delay(2000);
            var before = tracker.Messages;
            var start = CpuAccount.ProcessSeconds(child.Id);
            using (var send = new StringContent(body, System.Text.Encoding.UTF8, "application/json"))
            {
                (await http.PostAsync("broadcast", send)).EnsureSuccessStatusCode();
            }

            var events = kept.Sum(k => k.To - k.From);
            var drain = Stopwatch.StartNew();
            while (drain.Elapsed < TimeSpan.FromSeconds(20) && !tracker.IsComplete(events, out _)) await Task.Delay(100);
            await Task.Delay(1000);
            var seconds = CpuAccount.ProcessSeconds(child.Id) - start;
            var missing = 0;
            for (var v = 1; v <= events; v++) if (!tracker.IsComplete(v, out _)) missing++;
            return (seconds, tracker.Messages - before, missing, $"{kept.Count} messages ({events} events) to {o.Watchers} watchers on the server's schedule");
        }
        finally
        {
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
        }
    }

    /// <summary>The bare hub's process: a SignalR hub that sends what it is told (POST /warm, then POST /broadcast), and nothing else.</summary>
    public static async Task<int> ServeBareHubAsync(int port)
    {
        BareHubHost? host = null;
        host = await BareHubHost.StartAsync(port, app =>
        {
            app.MapGet("/ready", () => "ok");
            app.MapPost("/warm", async (HttpRequest request) =>
            {
                using var doc = await JsonDocument.ParseAsync(request.Body);
                foreach (var m in doc.RootElement.GetProperty("messages").EnumerateArray().Take(100))
                {
                    // Versions the watchers ignore (to <= from).
                    await host!.Hub.Clients.Group(BareHub.Group).SendAsync("FairEvents", new { fairId = "bare", fromVersion = -1L, toVersion = -1L, events = m.GetProperty("events") });
                    await Task.Delay(10);
                }

                return "ok";
            });
            app.MapPost("/broadcast", async (HttpRequest request) =>
            {
                using var doc = await JsonDocument.ParseAsync(request.Body);
                var hub = host!.Hub;
                var start = Clock.Now;
                var version = 0L;
                var sends = new List<Task>();
                foreach (var m in doc.RootElement.GetProperty("messages").EnumerateArray())
                {
                    var wait = m.GetProperty("ms").GetDouble() - Clock.Ms(start, Clock.Now);
                    if (wait > 1) await Task.Delay(TimeSpan.FromMilliseconds(wait));
                    var from = version;
                    version += m.GetProperty("count").GetInt64();
                    sends.Add(hub.Clients.Group(BareHub.Group).SendAsync("FairEvents", new { fairId = "bare", fromVersion = from, toVersion = version, events = m.GetProperty("events") }));
                }

                await Task.WhenAll(sends);
                return "ok";
            });
        });
        Console.WriteLine($"bare hub on {host.HubUrl}");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
