using OcopFairs.Bench;

// scripts/bench.sh runs this against a server it started; see docs/PERFORMANCE.md.
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
    default:
        Console.Error.WriteLine("usage: OcopFairs.Bench search [--server URL] [--db CS] [--producers N] [--products N] [--requests N] [--concurrency N]");
        return 2;
}
