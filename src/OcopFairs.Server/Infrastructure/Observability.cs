using System.Diagnostics;
using Hangfire;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpLogging;
using Npgsql;
using OcopFairs.Abstractions;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;
using Orleans.Diagnostics;

namespace OcopFairs.Server.Infrastructure;

/// <summary>
/// What an operator sees of a running node: OpenTelemetry traces and metrics (OTLP when an endpoint is configured,
/// otherwise a Prometheus scrape endpoint for admins), the Orleans dashboard for admins, and log scopes that name the
/// fair a request is about.
/// </summary>
public static partial class Observability
{
    public const string MetricsPath = "/metrics";
    public const string DashboardPath = "/orleans";

    /// <summary>Call after <c>UseOrleans</c>: the dashboard's hosted service needs the silo started before it.</summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var settings = ObservabilitySettings.From(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(settings);

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(
                builder.Configuration["OTEL_SERVICE_NAME"] ?? "ocopfairs",
                serviceInstanceId: $"{Environment.MachineName}:{builder.Configuration["Orleans:SiloPort"] ?? "11111"}"))
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsqlInstrumentation()
                    // On .NET 9 and later the runtime publishes its own meter; the instrumentation package only adds it.
                    .AddMeter("System.Runtime", "Microsoft.Orleans", Telemetry.Name);
                if (settings.Prometheus)
                {
                    m.AddPrometheusExporter();
                }
            });
        if (settings.OtlpEndpoint is not null)
        {
            // Traces only when something receives them: without a listener the sources below create no activities
            // and grain calls skip the propagation filters, so a node without a collector pays nothing for tracing.
            otel.WithTracing(t => t
                    .SetSampler(new ParentBasedSampler(new WorkRootSampler()))
                    .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsOperatorPolling(context.Request.Path))
                    .AddSource("Microsoft.AspNetCore.SignalR.Server")
                    .AddHttpClientInstrumentation()
                    .AddNpgsql()
                    .AddSource(
                        ActivitySources.ApplicationGrainActivitySourceName,
                        ActivitySources.StorageActivitySourceName,
                        ActivitySources.LifecycleActivitySourceName,
                        Telemetry.Name))
                .UseOtlpExporter();
            services.Configure<OpenTelemetryLoggerOptions>(o => o.IncludeScopes = true);
            builder.UseOrleans(silo => silo.AddActivityPropagation());
        }

        if (settings.OrleansDashboard)
        {
            var dashboard = builder.Configuration.GetSection("Observability:Dashboard");
            builder.UseOrleans(silo => silo.AddDashboard(dashboard.Bind));
        }

        // Hangfire's filters are process-wide; a second host built in the same process must not count jobs twice.
        if (!GlobalJobFilters.Filters.Any(f => f.Instance is JobTelemetryFilter))
        {
            GlobalJobFilters.Filters.Add(new JobTelemetryFilter());
        }

        services.AddHttpLogging(o =>
        {
            // One line per request, written only when the category Microsoft.AspNetCore.HttpLogging is at Information.
            // No query string: SignalR passes the access token there.
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        services.AddSingleton<IHttpLoggingInterceptor, SkipOperatorPolling>();
        return builder;
    }

    /// <summary>
    /// The request log: a scope naming the fair of any route with <c>{fairId}</c> (the request id, trace id and span id
    /// come from ASP.NET Core's own scope), then the one-line request log inside it. Call before the exception handler,
    /// so that its log of a failed request carries the fair too.
    /// </summary>
    public static WebApplication UseObservability(this WebApplication app)
    {
        app.UseMiddleware<FairLogScope>();
        app.UseHttpLogging();
        return app;
    }

    public static WebApplication MapObservability(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<ObservabilitySettings>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(Observability));
        if (settings.OtlpEndpoint is { } endpoint)
        {
            LogOtlp(log, endpoint);
        }

        if (settings.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath).RequireAuthorization(AdminsOnly).ExcludeFromDescription();
            LogPrometheus(log, MetricsPath);
        }

        if (settings.OrleansDashboard)
        {
            var dashboard = new DeferredDashboard(app.Services, DashboardPath, AdminsOnly);
            ((IEndpointRouteBuilder)app).DataSources.Add(dashboard);
            dashboard.MapWhenStarted(app.Lifetime, log);
        }

        return app;
    }

    private static void AdminsOnly(AuthorizationPolicyBuilder policy) => policy.RequireRole(Roles.Admin);

    /// <summary>
    /// Probes, scrapes and dashboards poll all day: traced or logged, they would bury the requests that matter.
    /// </summary>
    private static bool IsOperatorPolling(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments(MetricsPath)
        || path.StartsWithSegments(DashboardPath) || path.StartsWithSegments("/hangfire");

    /// <summary>Leaves operator polling out of the request log; called only while that log is switched on.</summary>
    private sealed class SkipOperatorPolling : IHttpLoggingInterceptor
    {
        public ValueTask OnRequestAsync(HttpLoggingInterceptorContext logContext)
        {
            if (IsOperatorPolling(logContext.HttpContext.Request.Path))
            {
                logContext.LoggingFields = HttpLoggingFields.None;
            }

            return ValueTask.CompletedTask;
        }

        public ValueTask OnResponseAsync(HttpLoggingInterceptorContext logContext) => ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Traces, metrics and logs go over OTLP to {Endpoint}")]
    private static partial void LogOtlp(ILogger logger, string endpoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics are served to admins at {Path} in Prometheus text")]
    private static partial void LogPrometheus(ILogger logger, string path);

    /// <summary>
    /// A trace starts where work comes in: a request, a hub call, a job, a grain call. A client span without a parent is
    /// background polling (Hangfire's queue query every second, the hub registration timer) and starts none.
    /// </summary>
    private sealed class WorkRootSampler : Sampler
    {
        private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
        private static readonly SamplingResult Sample = new(SamplingDecision.RecordAndSample);

        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
            samplingParameters.Kind == ActivityKind.Client ? Drop : Sample;
    }
}

/// <summary>Settings of <see cref="Observability"/>; see README.md, Configuration.</summary>
public sealed record ObservabilitySettings(string? OtlpEndpoint, bool Prometheus, bool OrleansDashboard)
{
    public static ObservabilitySettings From(IConfiguration config)
    {
        var otlp = config["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } endpoint ? endpoint : null;
        return new ObservabilitySettings(
            otlp,
            config.GetValue("Observability:Prometheus", otlp is null),
            config.GetValue("Observability:OrleansDashboard", true));
    }
}

/// <summary>Opens a log scope <c>FairId</c> for requests routed with a <c>{fairId}</c>; others pass straight through.</summary>
internal sealed class FairLogScope(RequestDelegate next, ILogger<FairLogScope> logger)
{
    public Task InvokeAsync(HttpContext context) =>
        context.Request.RouteValues.TryGetValue("fairId", out var value) && value is string fairId
            ? InScopeAsync(context, fairId)
            : next(context);

    private async Task InScopeAsync(HttpContext context, string fairId)
    {
        using (logger.BeginScope(new State(fairId)))
        {
            await next(context);
        }
    }

    /// <summary>Scope state as the console formatters read it: key-value pairs, and a text for the simple formatter.</summary>
    private sealed class State(string fairId) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] =>
            index == 0 ? new("FairId", fairId) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => "FairId:" + fairId;
    }
}
