using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace OcopFairs.Bench;

public sealed record RushOptions(
    Uri Server,
    string Db,
    int Producers,
    int Booths,
    int Clients,
    int Watchers,
    int? ServerPid,
    int SeedConcurrency,
    int MaxSeconds,
    int PgbenchSeconds,
    string? Pgbench,
    double BareRate,
    string Via,
    string Push,
    string WatcherClient,
    int WarmUpRounds)
{
    /// <summary>Watchers speak the hub protocol over bare WebSockets (cheap) rather than as full HubConnections.</summary>
    public bool LightWatchers => WatcherClient != "hubconnection";

    /// <summary>Watchers take one <c>FairEvents</c> message per floor commit (the web app's way) rather than one per event.</summary>
    public bool Batched => Push != "per-event";
}

/// <summary>One clock for the whole process: every timestamp is <see cref="Stopwatch.GetTimestamp"/>.</summary>
public static class Clock
{
    public static long Now => Stopwatch.GetTimestamp();

    public static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;
}

/// <summary>
/// The booth rush (issue: booth holds): many producers holding random free booths at once while watchers follow the
/// floor over SignalR, beside two baselines from the same run: raw single-row PostgreSQL commits (pgbench) at the same
/// concurrency, and a bare SignalR hub broadcasting the same number of messages on the same schedule to as many watchers.
/// </summary>
public static class RushBench
{
    private const string Password = "Bench@12345";
    private const string HoldsMissing = "holds are not implemented on this server";

    private sealed record Producer(int Index, string Token, string ProducerId, string ApplicationId, string ProductId);

    private sealed record Ack(string Code, string? ProducerId, long SentAt, long At);

    private enum Outcome { Held, Taken, Limit, NotEligible, NotImplemented, Error }

    public static async Task<int> RunAsync(RushOptions o)
    {
        var byBlock = o.Via == "block";
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = o.Clients + 16, PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = o.Server,
            Timeout = TimeSpan.FromSeconds(30),
        };

        // ---- Seeding (not measured) ----
        var seedClock = Stopwatch.StartNew();
        Console.Error.WriteLine($"seeding: fair with {o.Booths} booths, {o.Producers} producers (concurrency {o.SeedConcurrency})");
        string organiser;
        try
        {
            organiser = await LoginAsync(http, "organiser@demo.ocop", "Demo@12345");
        }
        catch (BenchException ex)
        {
            Console.Error.WriteLine($"cannot sign in as organiser@demo.ocop ({ex.Message}); start the server with Demo__Seed=true");
            return 1;
        }

        var fairId = await CreateFairAsync(http, organiser, o.Booths);
        var producers = await SeedProducersAsync(http, fairId, o);
        var approved = await ApproveAsync(http, organiser, fairId, producers);
        Console.Error.WriteLine($"seeded fair {fairId}: {o.Booths} booths, {approved.Count}/{producers.Count} producers approved in {seedClock.Elapsed.TotalSeconds:F0} s");
        if (approved.Count == 0)
        {
            Console.Error.WriteLine("no producer was approved; nothing to rush");
            return 1;
        }

        // ---- Warm-up (not measured): a server at a fair has long been running when a rush starts ----
        var hubUrl = new Uri(o.Server, "hubs/fairs");
        if (o.WarmUpRounds > 0)
        {
            await WarmUpAsync(http, organiser, approved, hubUrl, o);
        }

        var floor0 = await CallAsync(http, HttpMethod.Get, $"api/fairs/{fairId}/floor", organiser, null);
        var version0 = floor0.GetProperty("version").GetInt64();
        var boothCodes = floor0.GetProperty("booths").EnumerateArray().Select(b => b.GetProperty("code").GetString()!).ToList();

        // ---- Watchers on the real server ----
        var tracker = new PushTracker(o.Watchers);
        var watchers = await WatcherPool.ConnectAsync(hubUrl, fairId, version0, o.Watchers, tracker, "server watchers joined", o.Batched, o.LightWatchers);

        // Warm the server's booth-change and push paths the way a fair in use would be: block and unblock one booth.
        if (!byBlock)
        {
            try
            {
                for (var i = 0; i < 5; i++)
                {
                    await CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/booths/{boothCodes[^1]}/block", organiser, new { });
                    await CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/booths/{boothCodes[^1]}/unblock", organiser, new { });
                }
            }
            catch (BenchException ex)
            {
                Console.Error.WriteLine($"  warm-up skipped: {ex.Message}");
            }
        }

        // 500 joins make the runtime optimise the join path in the background: let it finish, as it would have long
        // before a rush at a fair where phones join over minutes, so the rush measures holds and pushes, not the JIT.
        var joinSettled = await SettleAsync(o.ServerPid);
        Console.Error.WriteLine($"  after the joins the server used {joinSettled * 1000:F0} ms of CPU before going quiet");

        // ---- The rush ----
        var round = new RushRound(http, fairId, boothCodes, "rush", byBlock, organiser);
        var memory = new MemorySampler(o.ServerPid);
        memory.Start();
        var cpu = new CpuAccount(o.ServerPid);
        Console.Error.WriteLine($"rush: {o.Clients} clients, {approved.Count} producers, {boothCodes.Count} booths, {o.Watchers} watchers{(byBlock ? " (via organiser block, not holds)" : string.Empty)}");
        var bytesBefore = tracker.Bytes;
        var framesBefore = tracker.Frames;
        var messagesBefore = tracker.Messages;
        var rushStart = Clock.Now;
        var deadline = rushStart + (long)(o.MaxSeconds * (double)Stopwatch.Frequency);
        var clients = round.RunAsync(approved, o.Clients, deadline);
        var progress = Task.Run(async () =>
        {
            while (!clients.IsCompleted)
            {
                await Task.WhenAny(clients, Task.Delay(2000));
                if (!clients.IsCompleted)
                {
                    Console.Error.WriteLine($"  {Clock.Ms(rushStart, Clock.Now) / 1000:F0} s: {round.Acks.Count} held, {round.Pool.FreeCount} believed free, {round.Taken409} taken 409s, {round.Errors} errors");
                }
            }
        });
        await clients;
        var rushEnd = Clock.Now;
        var rushCpu = cpu.Summary();
        await progress;
        var rushSeconds = Clock.Ms(rushStart, rushEnd) / 1000;
        var ackList = round.Acks.OrderBy(a => a.At).ToList();
        var timedOut = rushEnd > deadline && round.Pool.FreeCount > 0;

        // ---- Push latency: hold acknowledged -> the last watcher received its event ----
        var expectedStatus = byBlock ? "Blocked" : "Held";
        var firstAckPerBooth = ackList.GroupBy(a => a.Code).Select(g => g.First()).ToList();
        long? VersionOf(Ack a) =>
            tracker.VersionOf(PushTracker.Key(a.Code, expectedStatus, a.ProducerId)) ?? tracker.VersionOf(PushTracker.Key(a.Code, expectedStatus, null));
        var drain = Stopwatch.StartNew();
        while (drain.Elapsed < TimeSpan.FromSeconds(15)
               && firstAckPerBooth.Any(a => VersionOf(a) is not { } v || !tracker.IsComplete(v, out _)))
        {
            await Task.Delay(100);
        }

        memory.Stop();
        var push = new Samples();
        var pushFromSend = new Samples();
        var pushMissing = 0;
        var slowest = new List<(double Ms, double AtMs, long Version)>();
        foreach (var a in firstAckPerBooth)
        {
            if (VersionOf(a) is { } v && tracker.IsComplete(v, out var last))
            {
                push.Add(Clock.Ms(a.At, last));
                slowest.Add((Clock.Ms(a.At, last), Clock.Ms(rushStart, a.At), v));
                pushFromSend.Add(Clock.Ms(a.SentAt, last));
            }
            else
            {
                pushMissing++;
            }
        }

        var watcherDrops = watchers.Closed;
        var rushBytes = tracker.Bytes - bytesBefore;
        var rushFrames = tracker.Frames - framesBefore;
        var rushMessages = tracker.Messages - messagesBefore;
        var dataTemplate = tracker.FirstData;
        var hwmKb = o.ServerPid is { } pid ? MemorySampler.ReadKb(pid, "VmHWM") : null;

        // ---- Verification against the final floor ----
        var floor = await CallAsync(http, HttpMethod.Get, $"api/fairs/{fairId}/floor", organiser, null);
        var finalBooths = floor.GetProperty("booths").EnumerateArray().ToDictionary(
            b => b.GetProperty("code").GetString()!,
            b => (Status: b.GetProperty("status").GetString(), ProducerId: b.TryGetProperty("producerId", out var pr) && pr.ValueKind == JsonValueKind.String ? pr.GetString() : null));
        var doubleAcked = ackList.GroupBy(a => a.Code).Count(g => g.Select(a => a.ProducerId).Distinct().Count() > 1);
        var producersOverLimitAcked = byBlock ? 0 : ackList.GroupBy(a => a.ProducerId).Count(g => g.Select(a => a.Code).Distinct().Count() > 1);
        var inconsistent = firstAckPerBooth.Count(a =>
            !finalBooths.TryGetValue(a.Code, out var b) || b.Status != expectedStatus || (!byBlock && b.ProducerId != a.ProducerId));
        var producersOverLimitFloor = byBlock ? 0 : finalBooths.Values.Where(b => b.ProducerId is not null).GroupBy(b => b.ProducerId).Count(g => g.Count() > 1);
        var ackedCodes = firstAckPerBooth.Select(a => a.Code).ToHashSet();
        var unacknowledged = finalBooths.Count(b => b.Value.Status == expectedStatus && !ackedCodes.Contains(b.Key));
        var freeLeft = finalBooths.Count(b => b.Value.Status == "Free");
        var doubleBookings = doubleAcked + inconsistent;

        await watchers.DisposeAsync();

        // ---- Baseline (a): raw PostgreSQL single-row commits at the same concurrency ----
        Console.Error.WriteLine($"baseline: pgbench, one-row upsert, -c {o.Clients} -j 2 -T {o.PgbenchSeconds}");
        var pg = await PgbenchAsync(o.Db, o.Clients, o.PgbenchSeconds, o.Pgbench);

        // ---- Baseline (b): bare SignalR hub, same watchers, same messages on the same schedule ----
        // Batched: the bare hub sends the same batches the watchers got from the server (same sizes, at the time of
        // the first hold acknowledged in each); per event: one message per acknowledged hold, at its time.
        var schedule = ackList.Count == 0
            ? Enumerable.Range(0, boothCodes.Count).Select(i => (Ms: i * 1000.0 / o.BareRate, Count: 1)).ToList()
            : o.Batched
                ? ackList.GroupBy(a => VersionOf(a) is { } v ? tracker.BatchOf(v) : -a.At)
                    .Select(g => (Ms: Clock.Ms(rushStart, g.Min(a => a.At)), Count: g.Count())).OrderBy(x => x.Ms).ToList()
                : ackList.Select(a => (Ms: Clock.Ms(rushStart, a.At), Count: 1)).ToList();
        var bareEvents = schedule.Sum(x => x.Count);
        Console.Error.WriteLine($"baseline: bare SignalR hub, {o.Watchers} watchers, {bareEvents} events in {schedule.Count} messages over {schedule[^1].Ms / 1000:F1} s");
        var bare = new Samples();
        var bareMissing = 0;
        var bareCpu = string.Empty;
        var fanOutSeconds = double.NaN;
        await using (var host = await BareHubHost.StartAsync())
        {
            var bareTracker = new PushTracker(o.Watchers);
            await using var bareWatchers = await WatcherPool.ConnectAsync(host.HubUrl, "bare", 0, o.Watchers, bareTracker, "bare-hub watchers joined", o.Batched, o.LightWatchers);
            var sentAt = new long[bareEvents];
            CpuAccount? bareCpuAccount = null; // from the first measured send, after the warm-up
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(o.MaxSeconds + 30));
            try
            {
                await host.BroadcastAsync(schedule, o.Batched, dataTemplate, sentAt, () => bareCpuAccount = new CpuAccount(null), cancel.Token);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("  bare hub: broadcast stopped at its time limit");
            }

            var bareDrain = Stopwatch.StartNew();
            while (bareDrain.Elapsed < TimeSpan.FromSeconds(15) && Enumerable.Range(1, bareEvents).Any(v => !bareTracker.IsComplete(v, out _)))
            {
                await Task.Delay(20);
            }

            // Until every watcher has every message: both sides of the fan-out, the hub's and the watchers'.
            if (bareCpuAccount is not null)
            {
                bareCpu = bareCpuAccount.Summary();
                fanOutSeconds = bareCpuAccount.SelfSeconds;
            }

            for (var i = 0; i < bareEvents; i++)
            {
                if (sentAt[i] != 0 && bareTracker.IsComplete(i + 1, out var last)) bare.Add(Clock.Ms(sentAt[i], last));
                else bareMissing++;
            }
        }

        // ---- Report ----
        var holdsPerSecond = ackList.Count / rushSeconds;
        var ci = CultureInfo.InvariantCulture;
        string Goal(bool met) => met ? "met" : "MISSED";
        string Mb(long? kb) => kb is { } k ? $"{k / 1024.0:F0} MiB" : "n/a (no --server-pid)";
        Console.WriteLine();
        Console.WriteLine($"booth rush: {boothCodes.Count} booths, {approved.Count} approved producers, {o.Clients} clients, {o.Watchers} watchers ({(o.Batched ? "JoinFairBatched" : "JoinFair, one message per event")}, {(o.LightWatchers ? "light WebSocket clients" : "HubConnections")}), {Environment.ProcessorCount} cores");
        if (round.NotImplemented is not null)
        {
            Console.WriteLine($"  HOLDS NOT AVAILABLE: {HoldsMissing}: {round.NotImplemented}");
        }

        if (byBlock)
        {
            Console.WriteLine("  NOTE: --via block: the organiser blocked booths instead of producers holding them (test aid; not the issue's figure)");
        }

        Console.WriteLine($"  holds            : {ackList.Count} in {rushSeconds:F2} s = {holdsPerSecond:F1} holds/s ({round.Attempts / rushSeconds:F0} answers/s){(timedOut ? $" (stopped at the {o.MaxSeconds} s limit)" : string.Empty)}; {round.Attempts} attempts, {round.Taken409} taken 409s, {round.Limit409} limit 409s, {round.NotEligible} 422s, {round.Errors} errors");
        Console.WriteLine($"  hold latency     : 200s {round.HeldLatency.Summary()}");
        Console.WriteLine($"                     all answers (200+409) {round.AllLatency.Summary()}");
        Console.WriteLine($"  push latency     : hold acknowledged -> last of {o.Watchers} watchers: {push.Summary()}; not received by all: {pushMissing}; watcher connections lost: {watcherDrops}");
        Console.WriteLine($"                     {(o.LightWatchers ? $"{rushBytes / 1048576.0:F1} MiB read by the watchers, {rushBytes / Math.Max(1, o.Watchers) / 1024.0:F0} KiB each, {rushBytes / Math.Max(1.0, (double)o.Watchers * ackList.Count):F0} bytes per hold; {rushMessages} messages in {rushFrames} frames ({rushFrames / Math.Max(1.0, rushMessages):F2} per message)" : "bytes read not counted (HubConnection watchers)")}");
        Console.WriteLine($"                     (negative: watchers had it before the holder's 200) from hold request sent: {pushFromSend.Summary()}");
        Console.WriteLine($"                     slowest: {string.Join("; ", slowest.OrderByDescending(x => x.Ms).Take(5).Select(x => $"{x.Ms:F0} ms for v{x.Version} (batch to v{tracker.BatchOf(x.Version)}) acknowledged {x.AtMs:F0} ms into the rush"))}");
        if (slowest.Count > 0)
        {
            var worst = slowest.MaxBy(x => x.Ms);
            var latest = tracker.Latest(worst.Version, 4).ToList();
            var first = tracker.Latest(worst.Version, o.Watchers).Last();
            Console.WriteLine($"                     v{worst.Version} reached {first.Name} first and, {Clock.Ms(first.At, latest[0].At):F0} ms later, last: {string.Join(", ", latest.Select(l => $"{l.Name} (+{Clock.Ms(first.At, l.At):F0} ms)"))}");
        }
        Console.WriteLine($"  baseline PG      : {(pg.Error is null ? $"pgbench one-row upsert -c {o.Clients}: {pg.Tps.ToString("F1", ci)} tps, latency avg {pg.LatencyMs.ToString("F2", ci)} ms" : "FAILED: " + pg.Error)}");
        var pgRatio = pg.Tps > 0 ? holdsPerSecond / pg.Tps : double.NaN;
        Console.WriteLine($"                     holds/s / PG tps = {pgRatio:P1}");
        Console.WriteLine($"  baseline hub     : bare hub, {bareEvents} events in {schedule.Count} {(o.Batched ? "FairEvents" : "FairEvent")} messages -> last of {o.Watchers} watchers: {bare.Summary()}; not received by all: {bareMissing}");
        Console.WriteLine($"                     CPU from the bare hub's first send until every watcher had every message: {bareCpu}");
        // What the fan-out alone costs on this machine, whoever sends it, against the CPU the holds may take to reach the
        // goal: all cores for the time that half of pgbench's rate allows for this many holds.
        var bareDeliveryUs = fanOutSeconds * 1e6 / Math.Max(1, schedule.Count * o.Watchers);
        var budgetSeconds = pg.Tps > 0 ? Environment.ProcessorCount * ackList.Count / (0.5 * pg.Tps) : double.NaN;
        Console.WriteLine($"                     fan-out cost, both sides: {bareDeliveryUs:F1} µs of CPU per message and watcher; the rush's {schedule.Count} messages to {o.Watchers} watchers = {fanOutSeconds:F2} CPU-s, against {budgetSeconds:F2} CPU-s for {ackList.Count} holds at 50 % of pgbench on {Environment.ProcessorCount} cores ({fanOutSeconds / budgetSeconds:P0})");
        var hubRatio = push.Percentile(99) / bare.Percentile(99);
        Console.WriteLine($"                     push p99 / bare p99 = {hubRatio:F2}x");
        Console.WriteLine($"  CPU during rush  : {rushCpu}");
        Console.WriteLine($"  server memory    : peak RSS during rush {Mb(memory.PeakKb)}, VmHWM (lifetime, incl. seeding) {Mb(hwmKb)}");
        Console.WriteLine($"  double bookings  : {doubleBookings} (booths acknowledged to two producers: {doubleAcked}; acknowledged holds not on the final floor: {inconsistent})");
        Console.WriteLine($"  final floor      : {finalBooths.Count(b => b.Value.Status == expectedStatus)} {expectedStatus.ToLowerInvariant()}, {freeLeft} free; {unacknowledged} held without an acknowledged 200; producers over their limit: {producersOverLimitAcked} acknowledged, {producersOverLimitFloor} on the floor");
        var held = ackList.Count > 0;
        Console.WriteLine($"  goal 0 double bookings                : {Goal(doubleBookings == 0 && producersOverLimitAcked == 0 && producersOverLimitFloor == 0)}");
        Console.WriteLine($"  goal holds/s >= 50% of raw PG commits : {Goal(held && pgRatio >= 0.5)} ({pgRatio:P1})");
        Console.WriteLine($"  goal hold p99 <= 100 ms (all answers) : {Goal(held && round.AllLatency.Percentile(99) <= 100)} ({round.AllLatency.Percentile(99):F1} ms)");
        Console.WriteLine($"  goal push p99 <= 200 ms               : {Goal(held && pushMissing == 0 && push.Percentile(99) <= 200)} ({push.Percentile(99):F1} ms)");
        Console.WriteLine($"  goal push p99 <= 1.5x bare hub p99    : {Goal(held && pushMissing == 0 && hubRatio <= 1.5)} ({hubRatio:F2}x)");

        if (round.NotImplemented is not null) return 3;
        var failed = doubleBookings > 0 || producersOverLimitAcked > 0 || producersOverLimitFloor > 0 || round.Errors > 0 || round.NotEligible > 0
            || pg.Error is not null || (!timedOut && freeLeft > 0 && approved.Count >= boothCodes.Count);
        return failed ? 1 : 0;
    }

    /// <summary>
    /// One rush over one fair: each client takes its share of the producers and holds, for each in turn, a random booth
    /// the clients believe free, retrying on 409 (taken) until the producer has one or no booth is left.
    /// </summary>
    private sealed class RushRound(HttpClient http, string fairId, IReadOnlyList<string> boothCodes, string keyPrefix, bool byBlock, string organiser)
    {
        private bool _stop;
        public int Taken409;
        public int Limit409;
        public int NotEligible;
        public int Errors;
        public int Attempts;

        public BoothPool Pool { get; } = new(boothCodes);

        public ConcurrentQueue<Ack> Acks { get; } = new();

        public Samples HeldLatency { get; } = new();

        /// <summary>200s and 409s: every answer a client waited for.</summary>
        public Samples AllLatency { get; } = new();

        public string? NotImplemented { get; private set; }

        public Task RunAsync(IReadOnlyList<Producer> producers, int clients, long deadline) =>
            Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                var mine = producers.Where((_, i) => i % clients == c).OrderBy(_ => Random.Shared.Next()).ToList();
                foreach (var p in mine)
                {
                    var failures = 0;
                    while (true)
                    {
                        if (Volatile.Read(ref _stop) || Clock.Now > deadline) return;
                        if (Pool.PickFree() is not { } code) return;
                        switch (await AttemptAsync(p, code))
                        {
                            case Outcome.Taken:
                                continue;
                            case Outcome.Error when ++failures < 3:
                                continue;
                            case Outcome.NotImplemented:
                                Volatile.Write(ref _stop, true);
                                return;
                        }

                        break; // held, at its limit, not eligible or failing: the next producer
                    }
                }
            })));

        private async Task<Outcome> AttemptAsync(Producer p, string code)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"api/fairs/{fairId}/booths/{code}/{(byBlock ? "block" : "hold")}")
            {
                Content = JsonContent.Create(new { }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", byBlock ? organiser : p.Token);
            request.Headers.TryAddWithoutValidation("Idempotency-Key", $"{keyPrefix}-{p.ProducerId}-{code}");
            Interlocked.Increment(ref Attempts);
            var t0 = Clock.Now;
            HttpStatusCode status;
            string body;
            try
            {
                using var response = await http.SendAsync(request);
                body = await response.Content.ReadAsStringAsync();
                status = response.StatusCode;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                if (Interlocked.Increment(ref Errors) <= 5) Console.Error.WriteLine($"  hold {code}: {ex.GetType().Name}: {ex.Message}");
                return Outcome.Error;
            }

            var t1 = Clock.Now;
            var ms = Clock.Ms(t0, t1);
            switch ((int)status)
            {
                case 200 or 201:
                    AllLatency.Add(ms);
                    HeldLatency.Add(ms);
                    Pool.MarkTaken(code);
                    Acks.Enqueue(new Ack(code, byBlock ? null : p.ProducerId, t0, t1));
                    return Outcome.Held;
                case 409:
                    AllLatency.Add(ms);
                    if (ProblemCode(body) == "booth.limit")
                    {
                        Interlocked.Increment(ref Limit409);
                        return Outcome.Limit;
                    }

                    Interlocked.Increment(ref Taken409);
                    Pool.MarkTaken(code);
                    return Outcome.Taken;
                case 422:
                    if (Interlocked.Increment(ref NotEligible) <= 5) Console.Error.WriteLine($"  hold {code} by {p.ProducerId}: 422 {Trim(body)}");
                    return Outcome.NotEligible;
                case 404 or 405 when ProblemCode(body) is null or "notFound":
                    NotImplemented ??= $"POST /api/fairs/{{fairId}}/booths/{{code}}/{(byBlock ? "block" : "hold")} answered {(int)status} {Trim(body)}";
                    return Outcome.NotImplemented;
                default:
                    if (Interlocked.Increment(ref Errors) <= 5) Console.Error.WriteLine($"  hold {code}: {(int)status} {Trim(body)}");
                    return Outcome.Error;
            }
        }
    }

    /// <summary>
    /// Runs the hold, push and release paths before the measured rush, so the figures are those of a running server rather
    /// than of its just-in-time compiler: a second fair as big as the rush's (paths that only a full-size rush takes,
    /// such as writes that wait for a busy connection, are compiled too), up to twice as many producers approved for it,
    /// as many watchers as the rush has, and rounds of holding every booth and releasing them again, each followed by
    /// a wait until the server is quiet, until a round leaves it nothing more to compile (at most
    /// <see cref="RushOptions.WarmUpRounds"/> rounds).
    /// </summary>
    private static async Task WarmUpAsync(HttpClient http, string organiser, List<Producer> approved, Uri hubUrl, RushOptions o)
    {
        var clock = Stopwatch.StartNew();
        var booths = o.Booths;
        var fairId = await CreateFairAsync(http, organiser, booths);
        var applied = new Producer?[Math.Min(approved.Count, booths * 2)];
        await Parallel2.RunAsync(applied.Length, o.SeedConcurrency, async i =>
        {
            var p = approved[i];
            var application = await CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/applications", p.Token, new { productIds = new[] { p.ProductId } });
            applied[i] = p with { ApplicationId = application.GetProperty("applicationId").GetString()! };
        }, "warm-up applications");
        var producers = await ApproveAsync(http, organiser, fairId, [.. applied.Select(p => p!)]);
        var floor = await CallAsync(http, HttpMethod.Get, $"api/fairs/{fairId}/floor", organiser, null);
        var codes = floor.GetProperty("booths").EnumerateArray().Select(b => b.GetProperty("code").GetString()!).ToList();
        var byId = producers.ToDictionary(p => p.ProducerId);
        await using (var watchers = await WatcherPool.ConnectAsync(hubUrl, fairId, floor.GetProperty("version").GetInt64(), o.Watchers,
                         new PushTracker(o.Watchers), "warm-up watchers joined", o.Batched, o.LightWatchers))
        {
            for (var r = 0; r < o.WarmUpRounds; r++)
            {
                var round = new RushRound(http, fairId, codes, $"warm{r}", byBlock: false, organiser);
                await round.RunAsync(producers, o.Clients, Clock.Now + (long)(o.MaxSeconds * (double)Stopwatch.Frequency));
                var held = round.Acks.ToList();
                await Parallel2.RunAsync(held.Count, o.Clients, async i =>
                    await CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/booths/{held[i].Code}/release", byId[held[i].ProducerId!].Token, new { }),
                    $"warm-up round {r + 1}: released");

                // The runtime promotes a hot method to optimised code in stages, in the background, each after the
                // method was called often enough: wait for the server to go quiet after each round, and stop once a
                // round leaves it nothing more to compile.
                var settled = await SettleAsync(o.ServerPid);
                Console.Error.WriteLine($"  warm-up round {r + 1}: {held.Count} holds; the server then used {settled * 1000:F0} ms of CPU before going quiet");
                if (r >= 2 && settled < 0.05) break;
            }
        }

        Console.Error.WriteLine($"warm-up: up to {o.WarmUpRounds} rounds on fair {fairId} ({codes.Count} booths, {producers.Count} producers) in {clock.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>
    /// Waits until the server process spends under 5 % of a core over a quarter second (at most 15 s); answers the CPU
    /// seconds it spent meanwhile. Without a server pid, waits two seconds.
    /// </summary>
    private static async Task<double> SettleAsync(int? serverPid)
    {
        if (serverPid is not { } pid)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            return 0;
        }

        var start = CpuAccount.ProcessSeconds(pid);
        var previous = start;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(250);
            var now = CpuAccount.ProcessSeconds(pid);
            if (now - previous < 0.0125) return now - start;
            previous = now;
        }

        return previous - start;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Seeding

    private static async Task<string> CreateFairAsync(HttpClient http, string organiser, int booths)
    {
        var now = DateTimeOffset.UtcNow;
        var fair = await CallAsync(http, HttpMethod.Post, "api/fairs", organiser, new
        {
            name = $"Hội chợ OCOP bench rush {now:yyyyMMdd-HHmmss}",
            venue = "Quảng trường Hòa Bình",
            province = "Hòa Bình",
            startsAt = now.AddDays(40),
            endsAt = now.AddDays(42),
            registrationOpensAt = now.AddDays(-1),
            registrationClosesAt = now.AddDays(30),
            minStars = 3,
            acceptedGroups = new[] { "Food" },
            boothsPerProducer = 1,
            holdMinutes = 30,
            allocationMode = "FirstCome",
        });
        var fairId = fair.GetProperty("fairId").GetString()!;
        var zoneCount = (booths + 249) / 250;
        var zones = Enumerable.Range(0, zoneCount).Select(z => new
        {
            code = ((char)('A' + z)).ToString(),
            name = $"Khu {(char)('A' + z)}",
            groups = new[] { "Food" },
            booths = (booths / zoneCount) + (z < booths % zoneCount ? 1 : 0),
        }).ToArray();
        await CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/floor-plan/grid", organiser, new { zones, perRow = 25 });
        await CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/publish", organiser, new { });
        return fairId;
    }

    private static async Task<List<Producer>> SeedProducersAsync(HttpClient http, string fairId, RushOptions o)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var producers = new Producer?[o.Producers];
        var ineligible = 0;
        await Parallel2.RunAsync(o.Producers, o.SeedConcurrency, async i =>
        {
            var email = $"rush-{run}-{i}@bench.ocop";
            await CallAsync(http, HttpMethod.Post, "api/auth/register", null, new { email, password = Password, role = "Producer", displayName = $"Rush {i}" });
            var token = await LoginAsync(http, email, Password);
            var profile = await CallAsync(http, HttpMethod.Put, "api/producers/me", token, new
            {
                name = $"Hợp tác xã Bench Rush {i}", kind = "Cooperative", province = "Hòa Bình", district = "Cao Phong",
                commune = $"Xã {i}", phone = "0218 3880 000",
            });
            var product = await CallAsync(http, HttpMethod.Post, "api/producers/me/products", token, new
            {
                name = $"Cam Cao Phong {i}", group = "Food", stars = 4, certificateNo = $"R-{run}-{i}", certificateLevel = "Province", certifiedOn = "2025-06-01",
            });
            var application = await CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/applications", token, new
            {
                productIds = new[] { product.GetProperty("productId").GetString() },
            });
            if (application.TryGetProperty("eligibility", out var e) && e.TryGetProperty("eligible", out var ok) && ok.ValueKind == JsonValueKind.False
                && Interlocked.Increment(ref ineligible) <= 3)
            {
                Console.Error.WriteLine($"  producer {i} not eligible: {e}");
            }

            producers[i] = new Producer(i, token, profile.GetProperty("producerId").GetString()!, application.GetProperty("applicationId").GetString()!,
                product.GetProperty("productId").GetString()!);
        }, "producers registered, profiled and applied");
        return [.. producers.Select(p => p!)];
    }

    private static async Task<List<Producer>> ApproveAsync(HttpClient http, string organiser, string fairId, List<Producer> producers)
    {
        var pending = producers.ToDictionary(p => p.ApplicationId);
        var approved = new List<Producer>();
        for (var round = 0; round < 10 && pending.Count > 0; round++)
        {
            if (round > 0) await Task.Delay(1000);
            var failed = new Dictionary<string, int>();
            foreach (var chunk in pending.Keys.ToList().Chunk(500))
            {
                var result = await CallAsync(http, HttpMethod.Post, $"api/fairs/{fairId}/applications/bulk", organiser, new { action = "approve", applicationIds = chunk });
                foreach (var r in result.GetProperty("results").EnumerateArray())
                {
                    var id = r.GetProperty("applicationId").GetString()!;
                    if (r.GetProperty("ok").GetBoolean())
                    {
                        if (pending.Remove(id, out var p)) approved.Add(p);
                    }
                    else
                    {
                        var error = r.TryGetProperty("error", out var err) ? err.GetString() ?? "?" : "?";
                        failed[error] = failed.GetValueOrDefault(error) + 1;
                    }
                }
            }

            Console.Error.WriteLine($"  approved {approved.Count}/{producers.Count}{(failed.Count > 0 ? "; not yet: " + string.Join(", ", failed.Select(f => $"{f.Key} x{f.Value}")) : string.Empty)}");
            if (failed.Keys.All(k => k != "application.notFound")) break; // only a lagging queue is worth another round
        }

        return approved;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Baseline (a): pgbench

    internal static async Task<(double Tps, double LatencyMs, string? Error)> PgbenchAsync(string connectionString, int clients, int seconds, string? pgbench)
    {
        pgbench ??= Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin", "pgbench"))
                .Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        if (pgbench is null || !File.Exists(pgbench))
        {
            return (0, 0, "pgbench not found (pass --pgbench PATH)");
        }

        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        await using (var db = NpgsqlDataSource.Create(connectionString))
        {
            await using var create = db.CreateCommand(
                "CREATE TABLE IF NOT EXISTS public.bench_rush_scratch (id integer PRIMARY KEY, client integer NOT NULL, at timestamptz NOT NULL); " +
                "TRUNCATE public.bench_rush_scratch;");
            await create.ExecuteNonQueryAsync();
        }

        var script = Path.Combine(Path.GetTempPath(), $"ocop-rush-{Environment.ProcessId}.sql");
        await File.WriteAllTextAsync(script,
            "\\set id random(1, 100000)\n" +
            "INSERT INTO public.bench_rush_scratch (id, client, at) VALUES (:id, :client_id, now()) " +
            "ON CONFLICT (id) DO UPDATE SET client = EXCLUDED.client, at = EXCLUDED.at;\n");
        try
        {
            var start = new ProcessStartInfo(pgbench)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[]
            {
                "-h", cs.Host ?? "127.0.0.1", "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username ?? "ocop", "-d", cs.Database ?? "postgres",
                "-n", "-M", "prepared", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", "2", "-T", seconds.ToString(CultureInfo.InvariantCulture), "-f", script,
            })
            {
                start.ArgumentList.Add(a);
            }

            start.Environment["PGPASSWORD"] = cs.Password ?? string.Empty;
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds + 60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                return (0, 0, "pgbench did not finish in time");
            }

            var output = await stdout;
            var tps = Regex.Match(output, @"tps = ([0-9.]+)");
            var latency = Regex.Match(output, @"latency average = ([0-9.]+) ms");
            if (process.ExitCode != 0 || !tps.Success)
            {
                return (0, 0, $"pgbench exited {process.ExitCode}: {Trim(await stderr)} {Trim(output)}");
            }

            return (double.Parse(tps.Groups[1].Value, CultureInfo.InvariantCulture),
                latency.Success ? double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture) : double.NaN,
                null);
        }
        finally
        {
            File.Delete(script);
            await using var db = NpgsqlDataSource.Create(connectionString);
            await using var drop = db.CreateCommand("DROP TABLE IF EXISTS public.bench_rush_scratch");
            await drop.ExecuteNonQueryAsync();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // HTTP helpers

    internal static async Task<string> LoginAsync(HttpClient http, string email, string password) =>
        (await CallAsync(http, HttpMethod.Post, "api/auth/login", null, new { email, password })).GetProperty("accessToken").GetString()!;

    /// <summary>Sends one request; throws with the status and body unless it succeeded; answers the JSON body (or an empty object).</summary>
    internal static async Task<JsonElement> CallAsync(HttpClient http, HttpMethod method, string path, string? token, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"{method} {path} answered {(int)response.StatusCode}: {Trim(text)}");
        }

        if (string.IsNullOrWhiteSpace(text)) return JsonDocument.Parse("{}").RootElement;
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    private static string? ProblemCode(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("code", out var c) ? c.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Trim(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

public sealed class BenchException(string message) : Exception(message);

/// <summary>Booth codes the clients believe free; a client picks one at random and drops it on a 200 or a 409.</summary>
public sealed class BoothPool
{
    private readonly Lock _lock = new();
    private readonly List<string> _free;
    private readonly Dictionary<string, int> _index;

    public BoothPool(IEnumerable<string> codes)
    {
        _free = [.. codes];
        _index = _free.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i);
    }

    public int FreeCount { get { lock (_lock) { return _free.Count; } } }

    public string? PickFree()
    {
        lock (_lock)
        {
            return _free.Count == 0 ? null : _free[Random.Shared.Next(_free.Count)];
        }
    }

    public void MarkTaken(string code)
    {
        lock (_lock)
        {
            if (!_index.Remove(code, out var i)) return;
            var last = _free[^1];
            _free[i] = last;
            _free.RemoveAt(_free.Count - 1);
            if (last != code) _index[last] = i;
        }
    }
}

/// <summary>
/// What the watchers received: each watcher logs the version ranges of its messages with their arrival times, on its
/// own (nothing shared on the receive path, so 500 watchers do not contend for the same memory); one watcher maps
/// versions to booth changes, so an acknowledged hold finds its event.
/// </summary>
public sealed class PushTracker(int watchers)
{
    private readonly ConcurrentBag<WatcherLog> _logs = [];
    private readonly ConcurrentDictionary<string, long> _byKey = new();
    private readonly ConcurrentDictionary<long, long> _batchOf = new();
    private JsonElement? _firstData;

    /// <summary>
    /// The first booth event as a watcher got it, reused as the bare hub's payload so both carry the same bytes: the
    /// array of a <c>FairEvents</c> message, or the booth of a <c>FairEvent</c>.
    /// </summary>
    public JsonElement? FirstData => _firstData;

    public static string Key(string? code, string? status, string? producerId) => $"{code}|{status}|{producerId}";

    /// <summary>A new watcher's log.</summary>
    public WatcherLog Join(string kind = "watcher")
    {
        var log = new WatcherLog($"{kind} {_logs.Count}");
        _logs.Add(log);
        return log;
    }

    /// <summary>
    /// Notes which booth change a version carried (one watcher reports these), from an event of either kind: the array
    /// <c>[code, status, producerId, …]</c> of a <c>FairEvents</c> message or a <c>FairEvent</c> object; anything else
    /// is not a booth change and is skipped.
    /// </summary>
    public void Map(long version, JsonElement e)
    {
        string? code, status, producerId;
        if (e.ValueKind == JsonValueKind.Array && e.GetArrayLength() >= 3)
        {
            _firstData ??= e.Clone();
            (code, status, producerId) = (e[0].GetString(), e[1].GetString(), e[2].ValueKind == JsonValueKind.String ? e[2].GetString() : null);
        }
        else if (e.ValueKind == JsonValueKind.Object && Str(e, "type") == "BoothChanged" && e.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            _firstData ??= data.Clone();
            (code, status, producerId) = (Str(data, "code"), Str(data, "status"), Str(data, "producerId"));
        }
        else if (e.ValueKind == JsonValueKind.Object && Str(e, "type") == "DealSigned" && e.TryGetProperty("data", out var signed) && Str(signed, "dealId") is { } dealId)
        {
            _byKey.TryAdd("deal|" + dealId, version); // the deals benchmark: the version each signing was announced at
            return;
        }
        else
        {
            return;
        }

        _byKey.TryAdd(Key(code, status, producerId), version);
        _byKey.TryAdd(Key(code, status, null), version);
    }

    public long? VersionOf(string key) => _byKey.TryGetValue(key, out var v) ? v : null;

    /// <summary>Every <c>FairEvents</c> message one watcher got (its events as sent and when), for a baseline to send the same.</summary>
    public ConcurrentQueue<(long At, long From, long To, JsonElement Events)> Kept { get; } = new();

    /// <summary>Bytes read by all watchers so far.</summary>
    public long Bytes => _logs.Sum(l => l.Bytes);

    /// <summary>WebSocket frames (or parts of one) that all watchers have read so far.</summary>
    public long Frames => _logs.Sum(l => l.Frames);

    /// <summary>Messages received by all watchers so far.</summary>
    public long Messages => _logs.Sum(l => l.Messages);

    /// <summary>Notes that versions after <paramref name="fromVersion"/> up to <paramref name="toVersion"/> came in one message (one watcher reports these).</summary>
    public void RecordBatch(long fromVersion, long toVersion)
    {
        for (var v = fromVersion + 1; v <= toVersion; v++)
        {
            _batchOf.TryAdd(v, toVersion);
        }
    }

    /// <summary>The batch (its last version) a version came in; the version itself when it came alone.</summary>
    public long BatchOf(long version) => _batchOf.TryGetValue(version, out var b) ? b : version;

    /// <summary>Whether every watcher received <paramref name="version"/>, and when the last of them did.</summary>
    public bool IsComplete(long version, out long last)
    {
        last = 0;
        var count = 0;
        foreach (var log in _logs)
        {
            if (log.ReceivedAt(version) is not { } at) return false;
            last = Math.Max(last, at);
            count++;
        }

        return count >= watchers;
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    /// <summary>The watchers that received <paramref name="version"/> last, latest first.</summary>
    public IEnumerable<(string Name, long At)> Latest(long version, int count) =>
        _logs.Select(l => (l.Name, At: l.ReceivedAt(version) ?? long.MaxValue)).OrderByDescending(x => x.At).Take(count);
}

/// <summary>One watcher's messages: the versions after From up to To arrived At, in the order they came.</summary>
public sealed class WatcherLog(string name)
{
    public string Name => name;

    private readonly Lock _lock = new();
    private readonly List<(long From, long To, long At)> _messages = [];
    private bool _ordered = true;
    private long _bytes;
    private long _frames;

    /// <summary>Bytes this watcher has read off its connection (WebSocket payloads).</summary>
    public long Bytes => Volatile.Read(ref _bytes);

    /// <summary>WebSocket frames (or parts of one) this watcher has read: a hub message over 4 KB comes as several.</summary>
    public long Frames => Volatile.Read(ref _frames);

    /// <summary>Messages with events that this watcher received.</summary>
    public long Messages
    {
        get
        {
            lock (_lock) return _messages.Count;
        }
    }

    public void Read(int bytes)
    {
        _bytes += bytes;
        _frames++;
    }

    public void Received(long fromVersion, long toVersion, long at)
    {
        lock (_lock)
        {
            if (_messages.Count > 0 && toVersion < _messages[^1].To) _ordered = false;
            _messages.Add((fromVersion, toVersion, at));
        }
    }

    /// <summary>When the first message that carried <paramref name="version"/> arrived, or null if none did.</summary>
    public long? ReceivedAt(long version)
    {
        lock (_lock)
        {
            if (_ordered)
            {
                // Messages in version order: the first one reaching the version is the only candidate.
                int lo = 0, hi = _messages.Count;
                while (lo < hi)
                {
                    var mid = (lo + hi) / 2;
                    if (_messages[mid].To < version) lo = mid + 1;
                    else hi = mid;
                }

                return lo < _messages.Count && _messages[lo].From < version ? _messages[lo].At : null;
            }

            foreach (var (from, to, at) in _messages)
            {
                if (from < version && version <= to) return at;
            }

            return null;
        }
    }
}

/// <summary>Anonymous WebSocket hub connections joined to one fair, each feeding its <c>BoothChanged</c> events to a tracker.</summary>
public sealed class WatcherPool : IAsyncDisposable
{
    private readonly ConcurrentBag<IAsyncDisposable> _connections = [];
    private int _closed;
    private bool _disposing;

    public int Closed => Volatile.Read(ref _closed);

    /// <param name="light">Watchers are <see cref="LightWatcher"/>s (bare WebSockets speaking the hub protocol) rather than full <c>HubConnection</c>s.</param>
    public static async Task<WatcherPool> ConnectAsync(Uri hubUrl, string fairId, long sinceVersion, int count, PushTracker tracker, string label, bool batched, bool light)
    {
        var pool = new WatcherPool();
        try
        {
            await Parallel2.RunAsync(count, 16, async i =>
            {
                if (light)
                {
                    using var joinTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                    var watcher = await LightWatcher.ConnectAsync(hubUrl, fairId, sinceVersion, batched, tracker, full: i == 0, joinTimeout.Token);
                    watcher.Closed += () =>
                    {
                        if (!pool._disposing) Interlocked.Increment(ref pool._closed);
                    };
                    pool._connections.Add(watcher);
                    return;
                }

                var connection = new HubConnectionBuilder()
                    .WithUrl(hubUrl, HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
                    .Build();
                connection.ServerTimeout = TimeSpan.FromSeconds(120);
                connection.HandshakeTimeout = TimeSpan.FromSeconds(60);
                var log = tracker.Join("hubconnection");
                var full = i == 0; // one watcher maps versions to booth changes and batches
                connection.On<JsonElement>("FairEvent", e =>
                {
                    var at = Clock.Now;
                    if (e.TryGetProperty("type", out var t) && t.GetString() == "BoothChanged" && e.TryGetProperty("version", out var v))
                    {
                        log.Received(v.GetInt64() - 1, v.GetInt64(), at);
                        if (full) tracker.Map(v.GetInt64(), e);
                    }
                });
                connection.On<JsonElement>("FairEvents", batch =>
                {
                    var at = Clock.Now;
                    if (!batch.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array) return;
                    if (batch.TryGetProperty("fromVersion", out var from) && batch.TryGetProperty("toVersion", out var to))
                    {
                        log.Received(from.GetInt64(), to.GetInt64(), at);
                        if (!full) return;
                        tracker.RecordBatch(from.GetInt64(), to.GetInt64());
                        var version = from.GetInt64();
                        foreach (var e in events.EnumerateArray()) tracker.Map(++version, e);
                    }
                });
                connection.Closed += _ =>
                {
                    if (!pool._disposing) Interlocked.Increment(ref pool._closed);
                    return Task.CompletedTask;
                };
                pool._connections.Add(connection);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await connection.StartAsync(timeout.Token);
                await connection.InvokeAsync<JsonElement>(batched ? "JoinFairBatched" : "JoinFair", fairId, sinceVersion, timeout.Token);
            }, label);
        }
        catch
        {
            await pool.DisposeAsync();
            throw;
        }

        return pool;
    }

    public async ValueTask DisposeAsync()
    {
        _disposing = true;
        foreach (var chunk in _connections.ToArray().Chunk(32))
        {
            await Task.WhenAll(chunk.Select(c => c.DisposeAsync().AsTask()));
        }
    }
}

/// <summary>Samples the server's resident memory every 200 ms from <c>/proc/PID/status</c>.</summary>
public sealed class MemorySampler(int? pid)
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _peakKb;

    public long? PeakKb => pid is null ? null : Interlocked.Read(ref _peakKb);

    public void Start()
    {
        if (pid is not { } p) return;
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                if (ReadKb(p, "VmRSS") is { } kb && kb > Interlocked.Read(ref _peakKb)) Interlocked.Exchange(ref _peakKb, kb);
                try
                {
                    await Task.Delay(200, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
    }

    public void Stop()
    {
        _stop.Cancel();
        _loop?.Wait(TimeSpan.FromSeconds(2));
    }

    public static long? ReadKb(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            // The process is gone or the line is not what Linux writes: no figure.
        }

        return null;
    }
}
