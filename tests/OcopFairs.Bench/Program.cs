using OcopFairs.Bench;

// scripts/bench.sh runs this against a server it started (schedule: in process); see docs/PERFORMANCE.md.
var command = args.FirstOrDefault() ?? "help";
string Arg(string name, string fallback) =>
    args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault() ?? fallback;

switch (command)
{
    case "search":
        return await SearchBench.RunAsync(
            new Uri(Arg("server", "http://127.0.0.1:5098/")),
            Arg("db", "Host=127.0.0.1;Port=55432;Database=ocop_bench_search;Username=ocop;Password=ocop"),
            int.Parse(Arg("producers", "400")),
            int.Parse(Arg("products", "50")),
            int.Parse(Arg("requests", "2000")),
            int.Parse(Arg("concurrency", "8")));
    case "rush":
        try
        {
            return await RushBench.RunAsync(new RushOptions(
                new Uri(Arg("server", "http://127.0.0.1:5097/")),
                Arg("db", "Host=127.0.0.1;Port=55432;Database=ocop_bench_rush;Username=ocop;Password=ocop"),
                Producers: int.Parse(Arg("producers", "3000")),
                Booths: int.Parse(Arg("booths", "1000")),
                Clients: int.Parse(Arg("clients", "64")),
                Watchers: int.Parse(Arg("watchers", "500")),
                ServerPid: Arg("server-pid", "") is { Length: > 0 } pid ? int.Parse(pid) : null,
                SeedConcurrency: int.Parse(Arg("seed-concurrency", "8")),
                MaxSeconds: int.Parse(Arg("max-seconds", "120")),
                PgbenchSeconds: int.Parse(Arg("pgbench-seconds", "15")),
                Pgbench: Arg("pgbench", "") is { Length: > 0 } path ? path : null,
                BareRate: double.Parse(Arg("bare-rate", "200"), System.Globalization.CultureInfo.InvariantCulture),
                Via: Arg("via", "hold"),
                Push: Arg("push", "batched"),
                WatcherClient: Arg("watcher-client", "light"),
                WarmUpRounds: int.Parse(Arg("warm-up-rounds", "10"))));
        }
        catch (BenchException ex)
        {
            Console.Error.WriteLine($"rush: {ex.Message}");
            return 1;
        }
    case "match" or "meetings":
        try
        {
            var options = new BuyersOptions(
                new Uri(Arg("server", "http://127.0.0.1:5096/")),
                Arg("db", "Host=127.0.0.1;Port=55432;Database=ocop_bench_buyers;Username=ocop;Password=ocop"),
                Producers: int.Parse(Arg("producers", command == "match" ? "2000" : "200")),
                ProductsPerProducer: int.Parse(Arg("products", command == "match" ? "10" : "1")),
                Buyers: int.Parse(Arg("buyers", "500")),
                Requests: int.Parse(Arg("requests", command == "match" ? "2000" : "4000")),
                Concurrency: int.Parse(Arg("concurrency", command == "match" ? "8" : "64")),
                Pushes: int.Parse(Arg("pushes", "100")),
                ServerPid: Arg("server-pid", "") is { Length: > 0 } serverPid ? int.Parse(serverPid) : null,
                PgbenchSeconds: int.Parse(Arg("pgbench-seconds", "10")),
                Pgbench: Arg("pgbench", "") is { Length: > 0 } pgbench ? pgbench : null);
            return command == "match" ? await BuyersBench.MatchAsync(options) : await BuyersBench.MeetingsAsync(options);
        }
        catch (BenchException ex)
        {
            Console.Error.WriteLine($"{command}: {ex.Message}");
            return 1;
        }
    case "deals":
        try
        {
            return await DealsBench.RunAsync(new DealsOptions(
                new Uri(Arg("server", "http://127.0.0.1:5191/")),
                Arg("db", "Host=127.0.0.1;Port=55432;Database=ocop_bench_deals;Username=ocop;Password=ocop"),
                Watchers: int.Parse(Arg("watchers", "1000")),
                Clients: int.Parse(Arg("clients", "64")),
                Rate: double.Parse(Arg("rate", "20"), System.Globalization.CultureInfo.InvariantCulture),
                Seconds: int.Parse(Arg("seconds", "60")),
                Pairs: int.Parse(Arg("pairs", "64")),
                ServerPid: Arg("server-pid", "") is { Length: > 0 } dealsPid ? int.Parse(dealsPid) : null,
                BarePort: int.Parse(Arg("bare-port", "5192")),
                WarmUp: int.Parse(Arg("warm-up", "400"))));
        }
        catch (BenchException ex)
        {
            Console.Error.WriteLine($"deals: {ex.Message}");
            return 1;
        }
    case "bare-hub":
        return await DealsBench.ServeBareHubAsync(int.Parse(Arg("port", "5192")));
    case "schedule":
        // In process: the solver is a pure Domain function, so no server or database is involved.
        return ScheduleBench.Run(
            buyers: int.Parse(Arg("buyers", "300")),
            exhibitors: int.Parse(Arg("exhibitors", "200")),
            slots: int.Parse(Arg("slots", "16")),
            wishes: int.Parse(Arg("wishes", "2000")),
            limitSeconds: double.Parse(Arg("limit", "10"), System.Globalization.CultureInfo.InvariantCulture),
            workers: int.Parse(Arg("workers", "2")),
            seed: int.Parse(Arg("seed", "17")));
    default:
        Console.Error.WriteLine("usage: OcopFairs.Bench search [--server URL] [--db CS] [--producers N] [--products N] [--requests N] [--concurrency N]");
        Console.Error.WriteLine("       OcopFairs.Bench match [--server URL] [--db CS] [--producers 2000] [--products 10] [--buyers 500] [--requests 2000] [--concurrency 8] [--pushes 100]");
        Console.Error.WriteLine("       OcopFairs.Bench meetings [--server URL] [--db CS] [--producers 200] [--buyers 500] [--requests 4000] [--concurrency 64] [--server-pid PID]");
        Console.Error.WriteLine("       OcopFairs.Bench rush [--server URL] [--db CS] [--producers 3000] [--booths 1000] [--clients 64] [--watchers 500]");
        Console.Error.WriteLine("            [--server-pid PID] [--seed-concurrency 8] [--max-seconds 120] [--pgbench-seconds 15] [--pgbench PATH]");
        Console.Error.WriteLine("            [--bare-rate 200 (messages/s for the bare hub when no hold succeeded)] [--via hold|block (block: test aid)]");
        Console.Error.WriteLine("            [--push batched|per-event (watchers join with JoinFairBatched, as the web app, or JoinFair)]");
        Console.Error.WriteLine("            [--watcher-client light|hubconnection (watchers as bare WebSockets speaking the hub protocol, or full HubConnections)]");
        Console.Error.WriteLine("            [--warm-up-rounds 10 (at most; holds and releases on a second fair before the rush until the server has nothing left to compile; 0 measures a cold server)]");
        Console.Error.WriteLine("       OcopFairs.Bench deals [--server URL] [--db CS] [--watchers 1000] [--clients 64] [--rate 20 (signings/s)] [--seconds 60] [--pairs 64] [--server-pid PID] [--bare-port 5192] [--warm-up 400]");
        Console.Error.WriteLine("       OcopFairs.Bench schedule [--buyers 300] [--exhibitors 200] [--slots 16] [--wishes 2000] [--limit 10 (s)] [--workers 2] [--seed 17]");
        return 2;
}
