using System.Net;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Npgsql;
using OcopFairs.Grains;
using OcopFairs.Server.Identity;
using Orleans.Configuration;
using OcopFairs.Server.Security;
using Scalar.AspNetCore;

namespace OcopFairs.Server.Infrastructure;

/// <summary>What every feature stands on: PostgreSQL, migrations, the Orleans silo, Hangfire, errors, languages, OpenAPI, health.</summary>
public static class Platform
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var cs = ConnectionStrings.Get(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        // The application's own queries (search, queues) repeat a few statement shapes: let Npgsql prepare them,
        // which spares PostgreSQL the planning on every request.
        services.AddSingleton(new NpgsqlDataSourceBuilder(cs) { ConnectionStringBuilder = { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 } }.Build());

        services.AddHostedService<MigrationService>();
        builder.UseOrleans(silo => ConfigureSilo(silo, builder.Configuration, cs));
        AddHangfire(services, builder.Configuration, cs);

        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Complete);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => JsonDefaults.Apply(o.SerializerOptions));
        services.AddRequestLocalization(o =>
        {
            o.SetDefaultCulture("vi");
            o.AddSupportedCultures("vi", "en");
            o.AddSupportedUICultures("vi", "en");
            o.FallBackToParentUICultures = true;
        });
        services.AddOpenApi(OpenApiContract.Configure);
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"])
            .AddCheck<SiloHealthCheck>("silo", tags: ["ready"])
            .AddCheck<SearchIndexHealthCheck>("search", tags: ["ready"]);
        builder.AddObservability();
        return builder;
    }

    private static void ConfigureSilo(ISiloBuilder silo, IConfiguration config, string cs)
    {
        var orleans = config.GetSection("Orleans");
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = orleans["ClusterId"] ?? "ocopfairs";
            o.ServiceId = orleans["ServiceId"] ?? "ocopfairs";
        });
        var advertised = IPAddress.Parse(orleans["AdvertisedIP"] ?? "127.0.0.1");
        silo.ConfigureEndpoints(advertised, orleans.GetValue("SiloPort", 11111), orleans.GetValue("GatewayPort", 30000));
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = cs;
        });
        silo.AddAdoNetGrainStorage(StorageNames.Default, o =>
        {
            o.Invariant = "Npgsql";
            o.ConnectionString = cs;
            o.GrainStorageSerializer = new JsonGrainStorageSerializer();
        });
    }

    private static void AddHangfire(IServiceCollection services, IConfiguration config, string cs)
    {
        services.AddHangfire(h => h
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(cs), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = TimeSpan.FromSeconds(1),
            }));
        services.AddHangfireServer(o =>
        {
            o.SchedulePollingInterval = TimeSpan.FromSeconds(config.GetValue("Hangfire:SchedulePollingSeconds", 2));
            o.WorkerCount = config.GetValue("Hangfire:Workers", 4);
            o.ServerName = $"{Environment.MachineName}:{config["Orleans:SiloPort"] ?? "11111"}";
        });
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        // Localization first: the culture it sets flows only into the middleware after it, and the exception handler
        // writes titles in the request's language (after it, refusals thrown to the handler were always Vietnamese).
        app.UseRequestLocalization();
        // Sign-in and registration limits (Security/SecurityFeature.cs): after localization, so a 429 is in the caller's language.
        app.UseRateLimiter();
        // Before the exception handler, so its error log lines keep the request's fair id.
        app.UseObservability();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseOperatorSignIn();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi();
        // Signed-in users only; nothing from outside this server (no CDN fonts, no telemetry, no vendor client or agent).
        app.MapScalarApiReference("/api/docs", o => o
                .WithTitle("OcopFairs API")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideClientButton())
            .RequireAuthorization();
        app.MapHangfireDashboardWithAuthorizationPolicy(AccountsFeature.HangfirePolicy, "/hangfire", new DashboardOptions
        {
            DisplayStorageConnectionString = false,
            DashboardTitle = "OcopFairs jobs",
        });
        app.MapObservability();
        return app;
    }

    /// <summary>
    /// Last: unknown API paths answer a problem, not the web app's index page; every other path is the web app. Routing
    /// also lands here when an endpoint exists but takes another content type (it matches endpoints by the bodies they
    /// accept), which answers 415.
    /// </summary>
    public static WebApplication MapPlatformFallbacks(this WebApplication app)
    {
        app.Map("/api/{**path}", (HttpContext http, EndpointDataSource endpoints) =>
                TakesOtherContent(http.Request, endpoints)
                    ? Problems.Of(StatusCodes.Status415UnsupportedMediaType, "unsupportedMediaType")
                    : Problems.NotFound())
            .ExcludeFromDescription();
        app.MapFallbackToFile("index.html");
        return app;
    }

    /// <summary>Whether an endpoint has the request's path and method and reads bodies of declared content types.</summary>
    private static bool TakesOtherContent(HttpRequest request, EndpointDataSource endpoints) =>
        endpoints.Endpoints.OfType<RouteEndpoint>().Any(e =>
            e.Metadata.GetMetadata<IAcceptsMetadata>() is { ContentTypes.Count: > 0 }
            && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(request.Method) == true
            && new TemplateMatcher(new RouteTemplate(e.RoutePattern), []).TryMatch(request.Path, []));
}
