using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OcopFairs.Server.Tests.Infrastructure;

/// <summary>
/// The real server (the built OcopFairs.Server.dll) as a child process on loopback ports of its own: real Kestrel,
/// real Orleans silo, real Hangfire. It can be killed with SIGKILL and started again on the same database.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public ServerProcess(string connectionString, string clusterId, bool seedDemo = false, IDictionary<string, string>? extra = null)
    {
        HttpPort = FreePort();
        SiloPort = FreePort();
        GatewayPort = FreePort();
        _environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__OcopFairs"] = connectionString,
            ["Urls"] = BaseAddress.ToString().TrimEnd('/'),
            ["Orleans__ClusterId"] = clusterId,
            ["Orleans__ServiceId"] = "ocopfairs-test",
            ["Orleans__SiloPort"] = SiloPort.ToString(),
            ["Orleans__GatewayPort"] = GatewayPort.ToString(),
            ["Demo__Seed"] = seedDemo ? "true" : "false",
            ["Hangfire__SchedulePollingSeconds"] = "1",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__LogLevel__Default"] = "Warning",
            ["DOTNET_ENVIRONMENT"] = "Production",
            // Every test client comes from 127.0.0.1: per-client sign-in limits would make the suites wait on each
            // other. SecurityTests start a server of their own with limits.
            ["Security__SignInPerMinute"] = "0",
            ["Security__RegistrationsPerHour"] = "0",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }
    }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}/");

    public string Output => string.Join(Environment.NewLine, _output);

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OcopFairs.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Cannot find the repository root (OcopFairs.sln) above the test binaries.");
        }
    }

    public static string ServerDll
    {
        get
        {
            var configuration = Environment.GetEnvironmentVariable("OCOP_TEST_CONFIGURATION")
#if DEBUG
                ?? "Debug";
#else
                ?? "Release";
#endif
            var dll = Path.Combine(RepositoryRoot, "src", "OcopFairs.Server", "bin", configuration, "net10.0", "OcopFairs.Server.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the server first.", dll);
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>
    /// Starts the process and waits until <c>/health/ready</c> answers 200. After a stop or a kill it starts again on the
    /// same ports, as a restarted node does.
    /// </summary>
    public async Task<TimeSpan> StartAsync(TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo("dotnet", [ServerDll])
        {
            WorkingDirectory = Path.Combine(RepositoryRoot, "src", "OcopFairs.Server"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("The server is already running.");
        }

        _process?.Dispose();
        var started = Stopwatch.StartNew();
        _process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server.");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        // Test classes start their servers in parallel on two cores; a minute was not always enough for each of them.
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} during start-up:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return started.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The server was not ready within the timeout:\n{Output}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; what was acknowledged must already be in PostgreSQL.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, the way Ctrl-C or a service manager stops it.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
            {
                await kill.WaitForExitAsync();
            }

            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                await KillAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 400 && _output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
