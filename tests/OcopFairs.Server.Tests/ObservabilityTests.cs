using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;
using OcopFairs.Server.Infrastructure;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>The metrics endpoint and the Orleans dashboard of a node with the default settings.</summary>
[Collection(ServerCollection.Name)]
public sealed class OperatorEndpointsTests(ServerFixture fixture)
{
    [Fact]
    public async Task Metrics_are_prometheus_text_for_admins_and_refused_to_anyone_else()
    {
        using var anonymous = fixture.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("metrics")).StatusCode);
        using var organiser = await fixture.OrganiserAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.GetAsync("metrics")).StatusCode);

        using var admin = await AdminAsync(fixture.Server);
        await admin.GetAsync("api/fairs/hoa-binh-ocop-fair/floor");
        var response = await admin.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text);
        Assert.Contains("http_route=\"/api/fairs/{fairId}/floor\"", text);
        Assert.Contains("db_client_operation_duration_seconds", text);
        Assert.Contains("orleans_", text);
        Assert.Contains("dotnet_gc_", text);
    }

    [Fact]
    public async Task Orleans_dashboard_serves_admins_and_refuses_anyone_else()
    {
        using var admin = await AdminAsync(fixture.Server);
        // The dashboard is mapped in the background once the node has started.
        Assert.True(await Api.EventuallyAsync(async () =>
            (await admin.GetAsync("orleans/DashboardCounters")).Content.Headers.ContentType?.MediaType == "application/json", 10));
        var counters = await (await admin.GetAsync("orleans/DashboardCounters")).ReadJsonAsync();
        Assert.Equal(1, counters["totalActiveHostCount"]!.GetValue<int>());
        var page = await admin.GetAsync("orleans/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("index.min.js", await page.Content.ReadAsStringAsync());

        using var anonymous = fixture.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("orleans/")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("orleans/DashboardCounters")).StatusCode);
        using var organiser = await fixture.OrganiserAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.GetAsync("orleans/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await organiser.GetAsync("orleans/ClusterStats")).StatusCode);
    }

    [Fact]
    public async Task Operator_endpoints_stay_out_of_the_api_description()
    {
        using var http = fixture.Client();
        var openApi = await http.GetStringAsync("openapi/v1.json");
        Assert.DoesNotContain("\"/metrics\"", openApi);
        Assert.DoesNotContain("/orleans", openApi);
    }

    internal static async Task<HttpClient> AdminAsync(ServerProcess server)
    {
        var http = server.CreateClient();
        return http.As(await Api.LoginAsync(http, "admin@demo.ocop"));
    }
}

/// <summary>
/// A node with an OTLP endpoint (a small collector in the test) and the request log on in JSON: traces of a request
/// cross into its grain calls and SQL, and its log line names the fair and the trace. In the server collection, so that
/// its server starts after the shared one rather than in the crowd of servers every test class starts at once.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class TracedServerTests(TracedServerTests.Fixture fixture) : IClassFixture<TracedServerTests.Fixture>
{
    private const string FairId = "hoa-binh-ocop-fair";

    [Fact]
    public async Task A_request_traced_by_its_caller_is_exported_with_its_grain_calls_and_sql()
    {
        using var http = fixture.Server.CreateClient();
        var floorTrace = ActivityTraceId.CreateRandom();
        await SendTracedAsync(http, HttpMethod.Get, $"api/fairs/{FairId}/floor", floorTrace);
        var loginTrace = ActivityTraceId.CreateRandom();
        var login = new HttpRequestMessage(HttpMethod.Post, "api/auth/login")
        {
            Content = new StringContent($$"""{"email":"admin@demo.ocop","password":"{{Api.DemoPassword}}"}""", Encoding.UTF8, "application/json"),
        };
        await SendTracedAsync(http, login, loginTrace);

        // OTLP/protobuf carries trace ids as 16 raw bytes and scope names as UTF-8 text.
        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(
                fixture.Collector.Received("/v1/traces", floorTrace, "Microsoft.Orleans.Application"))),
            "no exported span of the floor request's grain call");
        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(
                fixture.Collector.Received("/v1/traces", loginTrace, "Npgsql"))),
            "no exported SQL span of the sign-in request");
        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(
                fixture.Collector.Received("/v1/metrics", null, "http.server.request.duration"))),
            "no exported metrics");
    }

    [Fact]
    public async Task A_request_on_a_fair_is_logged_with_the_fair_and_the_trace()
    {
        using var http = fixture.Server.CreateClient();
        var trace = ActivityTraceId.CreateRandom();
        await SendTracedAsync(http, HttpMethod.Get, $"api/fairs/{FairId}", trace);

        bool Logged() => fixture.Server.Output.Split('\n').Any(line =>
            line.Contains("HttpLoggingMiddleware") && line.Contains($"\"Path\":\"/api/fairs/{FairId}\"")
            && line.Contains($"\"FairId\":\"{FairId}\"") && line.Contains($"\"TraceId\":\"{trace.ToHexString()}\""));
        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(Logged()), 10), fixture.Server.Output);
    }

    private static Task SendTracedAsync(HttpClient http, HttpMethod method, string path, ActivityTraceId trace) =>
        SendTracedAsync(http, new HttpRequestMessage(method, path), trace);

    private static async Task SendTracedAsync(HttpClient http, HttpRequestMessage request, ActivityTraceId trace)
    {
        request.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        (await http.SendAsync(request)).EnsureSuccessStatusCode();
    }

    public sealed class Fixture : IAsyncLifetime
    {
        private TestDatabase? _db;

        public OtlpCollector Collector { get; } = new();

        public ServerProcess Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _db = await TestDatabase.CreateAsync();
            Server = new ServerProcess(_db.ConnectionString, "traced-" + _db.Name, seedDemo: true, new Dictionary<string, string>
            {
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Collector.Endpoint,
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
                ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
                ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
                ["Logging__Console__FormatterName"] = "json",
                ["Logging__LogLevel__Microsoft.AspNetCore.HttpLogging"] = "Information",
            });
            await Server.StartAsync();
        }

        public async Task DisposeAsync()
        {
            await Server.DisposeAsync();
            Collector.Dispose();
            if (_db is not null)
            {
                await _db.DisposeAsync();
            }
        }
    }

    /// <summary>Takes OTLP/HTTP exports on a loopback port and keeps their bodies.</summary>
    public sealed class OtlpCollector : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly ConcurrentQueue<(string Path, byte[] Body)> _exports = new();

        public OtlpCollector()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            Endpoint = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
            probe.Stop();
            _listener.Prefixes.Add(Endpoint + "/");
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public string Endpoint { get; }

        public bool Received(string path, ActivityTraceId? trace, string text)
        {
            var traceBytes = trace is { } t ? Convert.FromHexString(t.ToHexString()) : [];
            var textBytes = Encoding.UTF8.GetBytes(text);
            return _exports.Any(e => e.Path == path
                && (traceBytes.Length == 0 || e.Body.AsSpan().IndexOf(traceBytes) >= 0)
                && e.Body.AsSpan().IndexOf(textBytes) >= 0);
        }

        public void Dispose() => _listener.Close();

        private async Task AcceptAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _exports.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        }
    }
}

/// <summary>Hangfire's server filter, driven in process as Hangfire's worker drives it.</summary>
public sealed class JobTelemetryFilterTests
{
    [Fact]
    public void A_performed_job_runs_in_an_activity_and_is_recorded_with_its_outcome()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = s => s.Name == Telemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(activities);
        var recorded = new ConcurrentQueue<(double Seconds, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == Telemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meters.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            recorded.Enqueue((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        meters.Start();

        var filter = new JobTelemetryFilter();
        var jobId = "job-" + Guid.NewGuid().ToString("N");
        var perform = NewContext(jobId);
        filter.OnPerforming(new PerformingContext(perform));
        var during = Activity.Current;
        filter.OnPerformed(new PerformedContext(perform, null, false, new InvalidOperationException("fair gone")));

        Assert.NotNull(during);
        Assert.Null(Activity.Current);
        var activity = Assert.Single(stopped, a => (string?)a.GetTagItem("hangfire.job.id") == jobId);
        Assert.Same(during, activity);
        Assert.Equal("SampleJobs.RemindAsync", activity.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Contains(recorded, r => r.Tags["job.name"] as string == "SampleJobs.RemindAsync" && r.Tags["job.outcome"] as string == "failed");
    }

    private static PerformContext NewContext(string jobId)
    {
        var job = Job.FromExpression<SampleJobs>(j => j.RemindAsync("fair-1"));
        var connection = DispatchProxy.Create<IStorageConnection, NoStorage>();
        return new PerformContext(null, connection, new BackgroundJob(jobId, job, DateTime.UtcNow), new JobCancellationToken(false));
    }

    /// <summary>The filter never touches storage; a context only needs a connection to exist.</summary>
    public class NoStorage : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw new NotSupportedException();
    }

    public sealed class SampleJobs
    {
        public Task RemindAsync(string fairId) => Task.CompletedTask;
    }
}
