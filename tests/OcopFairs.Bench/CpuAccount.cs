using System.Diagnostics;
using System.Globalization;

namespace OcopFairs.Bench;

/// <summary>
/// CPU time spent over an interval by the server process, PostgreSQL (every process named postgres), this load generator
/// and the machine as a whole, read from /proc: tells whether a figure was limited by the server or by the machine.
/// PostgreSQL is summed per process: one that starts in the interval counts whole, and one that ends in it (pgbench's
/// backends) counts nothing, since its time is no longer readable; subtracting totals made such an interval negative.
/// </summary>
public sealed class CpuAccount
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    private readonly int? _serverPid;
    private readonly long _start = Clock.Now;
    private readonly double _server, _self, _busy;
    private readonly Dictionary<int, double> _postgres;

    public CpuAccount(int? serverPid)
    {
        _serverPid = serverPid;
        (_server, _postgres, _self, _busy) = Read();
    }

    /// <summary>Seconds of CPU the server process used since construction (0 without one).</summary>
    public double ServerSeconds => _serverPid is { } pid ? ProcessSeconds(pid) - _server : 0;

    /// <summary>Seconds of CPU this process (the load generator) used since construction.</summary>
    public double SelfSeconds => ProcessorSeconds() - _self;

    /// <summary>Seconds of CPU since construction, per part, and the wall-clock seconds.</summary>
    public string Summary()
    {
        var (server, postgresNow, self, busy) = Read();
        var postgres = postgresNow.Sum(p => Math.Max(0, p.Value - _postgres.GetValueOrDefault(p.Key)));
        var wall = Clock.Ms(_start, Clock.Now) / 1000;
        string Part(string name, double s) => $"{name} {s:F2} s ({s / wall:P0} of a core)";
        return $"{wall:F2} s wall: {Part("server", server - _server)}, {Part("PostgreSQL", postgres)}, "
            + $"{Part("load generator", self - _self)}; machine busy {(busy - _busy) / wall / Environment.ProcessorCount:P0} of {Environment.ProcessorCount} cores";
    }

    private (double Server, Dictionary<int, double> Postgres, double Self, double Busy) Read()
    {
        var server = _serverPid is { } pid ? ProcessSeconds(pid) : 0;
        var postgres = new Dictionary<int, double>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var p) && Comm(p) == "postgres")
            {
                postgres[p] = ProcessSeconds(p);
            }
        }

        return (server, postgres, ProcessorSeconds(), MachineBusySeconds());
    }

    private static double ProcessorSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static string? Comm(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>utime + stime of a process (all its threads), in seconds; 0 when it is gone.</summary>
    public static double ProcessSeconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which is in parentheses and may contain spaces: utime and stime are 14 and 15.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    private static double MachineBusySeconds()
    {
        // cpu  user nice system idle iowait irq softirq steal ...
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3] + fields[4];
        return (fields.Take(8).Sum() - idle) / TicksPerSecond;
    }
}
