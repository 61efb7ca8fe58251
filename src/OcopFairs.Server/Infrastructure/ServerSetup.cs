using System.Net;
using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OcopFairs.Abstractions;
using OcopFairs.Grains;
using OcopFairs.Server.Demo;
using OcopFairs.Server.Fairs;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Live;
using OcopFairs.Server.Notifications;
using OcopFairs.Server.Producers;
using OcopFairs.Server.Applications;
using OcopFairs.Server.Booths;
using OcopFairs.Server.Reminders;
using Orleans.Configuration;
using Scalar.AspNetCore;

namespace OcopFairs.Server.Infrastructure;

/// <summary>Everything the one host process wires together, in start-up order.</summary>
public static class ServerSetup
{
    public const string HangfirePolicy = "HangfireDashboard";

    public static WebApplicationBuilder AddOcopFairs(this WebApplicationBuilder builder)
    {
        var cs = ConnectionStrings.Get(builder.Configuration);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        // The application's own queries (search, queues) repeat a few statement shapes: let Npgsql prepare them,
        // which spares PostgreSQL the planning on every request.
        services.AddSingleton(new NpgsqlDataSourceBuilder(cs) { ConnectionStringBuilder = { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 } }.Build());

        // Hosted services start in registration order: migrations, then the silo, then what needs grains.
        services.AddHostedService<MigrationService>();
        builder.UseOrleans(silo => ConfigureSilo(silo, builder.Configuration, cs));
        services.AddSingleton<HubRegistrationService>();
        services.AddHostedService(sp => sp.GetRequiredService<HubRegistrationService>());
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService<DemoSeedService>();
        AddHangfire(services, builder.Configuration, cs);
        services.AddHostedService<BoothJobsRegistration>();

        services.AddDbContext<AppDbContext>(o => o.UseNpgsql(cs));
        services.AddDataProtection().SetApplicationName("OcopFairs").PersistKeysToDbContext<AppDbContext>();
        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Lockout.MaxFailedAccessAttempts = 10;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "ocop.auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            // An API answers 401/403; it never redirects to a login page.
            o.Events.OnRedirectToLogin = ctx => { ctx.Response.StatusCode = StatusCodes.Status401Unauthorized; return Task.CompletedTask; };
            o.Events.OnRedirectToAccessDenied = ctx => { ctx.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
        });
        services.Configure<BearerTokenOptions>(IdentityConstants.BearerScheme, o =>
        {
            // SignalR clients that cannot set headers pass the token in the query string, as SignalR documents.
            o.Events.OnMessageReceived = ctx =>
            {
                if (ctx.Request.Path.StartsWithSegments("/hubs") && ctx.Request.Query["access_token"] is [{ Length: > 0 } token])
                {
                    ctx.Token = token;
                }

                return Task.CompletedTask;
            };
        });
        // Runs after the bearer handler's own set-up has made the data-protection format it wraps.
        services.PostConfigure<BearerTokenOptions>(IdentityConstants.BearerScheme, o => o.BearerTokenProtector = new CachedTicketFormat(o.BearerTokenProtector));
        services.AddAuthorization(o => o.AddPolicy(HangfirePolicy, p => p.RequireRole(Roles.Admin, Roles.Organiser)));

        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<FloorOptions>(builder.Configuration.GetSection("Floor"));
        services.ConfigureHttpJsonOptions(o => JsonDefaults.Apply(o.SerializerOptions));
        services.AddRequestLocalization(o =>
        {
            o.SetDefaultCulture("vi");
            o.AddSupportedCultures("vi", "en");
            o.AddSupportedUICultures("vi", "en");
            o.FallBackToParentUICultures = true;
        });
        services.AddSignalR().AddJsonProtocol(o => JsonDefaults.Apply(o.PayloadSerializerOptions));
        services.AddOpenApi();
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"])
            .AddCheck<SiloHealthCheck>("silo", tags: ["ready"])
            .AddCheck<SearchIndexHealthCheck>("search", tags: ["ready"]);
        services.AddScoped<ReminderScheduler>();
        services.AddSingleton<ICatalogIndex, CatalogIndex>();
        services.AddSingleton<IApplicationEvents, ApplicationEvents>();
        services.AddSingleton<ProductSearchIndex>();
        services.AddHostedService(sp => sp.GetRequiredService<ProductSearchIndex>());
        services.AddSingleton<CatalogSearch>();
        services.AddSingleton<ApplicationQueue>();
        services.AddSingleton<IBoothEvents, BoothEvents>();
        services.AddSingleton<IFloorStore, FloorStore>();
        services.AddTransient<BoothJobs>();
        services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, AppClaimsFactory>();
        services.AddScoped<ReminderJobs>();
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

    public static WebApplication UseOcopFairs(this WebApplication app)
    {
        // Localization first: the culture it sets flows only into the middleware after it, and the exception handler
        // writes titles in the request's language (after it, refusals thrown to the handler were always Vietnamese).
        app.UseRequestLocalization();
        app.UseObservability();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapOpenApi();
        app.MapScalarApiReference("/api/docs");
        app.MapHangfireDashboardWithAuthorizationPolicy(HangfirePolicy, "/hangfire", new DashboardOptions
        {
            DisplayStorageConnectionString = false,
            DashboardTitle = "OcopFairs jobs",
        });
        app.MapObservability();

        app.MapAuthApi();
        app.MapFairsApi();
        app.MapNotificationsApi();
        app.MapProducersApi();
        app.MapApplicationsApi();
        app.MapBoothSignApi();
        app.MapBoothsApi();
        app.MapAllocationApi();
        app.MapHub<FairHub>("/hubs/fairs");

        // Unknown API paths answer a problem, not the web app's index page.
        app.Map("/api/{**path}", () => Problems.NotFound()).ExcludeFromDescription();
        app.MapFallbackToFile("index.html");
        return app;
    }
}
