using System.Diagnostics;

namespace OcopFairs.Bench;

/// <summary>Latency samples in milliseconds and their percentiles.</summary>
public sealed class Samples
{
    private readonly List<double> _ms = [];
    private readonly Lock _lock = new();

    public int Count { get { lock (_lock) { return _ms.Count; } } }

    public void Add(TimeSpan elapsed)
    {
        lock (_lock)
        {
            _ms.Add(elapsed.TotalMilliseconds);
        }
    }

    public void Add(double milliseconds)
    {
        lock (_lock)
        {
            _ms.Add(milliseconds);
        }
    }

    public double Percentile(double p)
    {
        lock (_lock)
        {
            if (_ms.Count == 0) return double.NaN;
            var sorted = _ms.Order().ToArray();
            var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
        }
    }

    public string Summary() => $"n={Count} p50={Percentile(50):F3} ms p99={Percentile(99):F3} ms max={Percentile(100):F3} ms";

    public static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var sw = Stopwatch.StartNew();
        await action();
        return sw.Elapsed;
    }
}

public static class Parallel2
{
    /// <summary>Runs <paramref name="count"/> jobs with at most <paramref name="concurrency"/> at once, reporting progress.</summary>
    public static async Task RunAsync(int count, int concurrency, Func<int, Task> job, string label)
    {
        var next = -1;
        var done = 0;
        var sw = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await job(i);
                var d = Interlocked.Increment(ref done);
                if (d % Math.Max(1, count / 10) == 0)
                {
                    Console.Error.WriteLine($"  {label}: {d}/{count} ({sw.Elapsed.TotalSeconds:F0} s)");
                }
            }
        });
        await Task.WhenAll(workers);
    }
}
