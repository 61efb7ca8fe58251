using System.Net;
using System.Threading.RateLimiting;
using Hangfire;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace OcopFairs.Server.Security;

/// <summary>
/// Sign-in that cannot be used to lock people out (per-client rate limits, failed sign-ins counted per account and
/// client), a trusted reverse proxy's client address and scheme, <c>Secure</c> cookies over HTTPS, and security
/// headers. docs/ARCHITECTURE.md (Security) describes the model.
/// </summary>
public static class SecurityFeature
{
    /// <summary>Rate-limiter policy of sign-in and token refresh: <see cref="SecurityOptions.SignInPerMinute"/> per client.</summary>
    public const string SignInPolicy = "sign-in";

    /// <summary>Rate-limiter policy of registration: <see cref="SecurityOptions.RegistrationsPerHour"/> per client.</summary>
    public const string RegistrationPolicy = "registration";

    public static WebApplicationBuilder AddSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection("Security");
        var settings = section.Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(section);
        services.AddSingleton<KnownDevices>();
        services.AddSingleton<SignInThrottle>();
        services.AddHostedService<SecurityJobsRegistration>();

        services.AddRateLimiter(o =>
        {
            o.AddPolicy(SignInPolicy, http => PerClient(http, settings.SignInPerMinute, TimeSpan.FromMinutes(1)));
            o.AddPolicy(RegistrationPolicy, http => PerClient(http, settings.RegistrationsPerHour, TimeSpan.FromHours(1)));
            o.OnRejected = async (context, _) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                await TooManyRequests.Answer(context.HttpContext, retryAfter, "rateLimited").ExecuteAsync(context.HttpContext);
            };
        });

        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies (the defaults trust loopback); through a chain of them, as far as they go.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardLimit = null;
            foreach (var proxy in settings.ForwardedHeaders.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.ForwardedHeaders.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        // Every cookie the server sets is Secure when the request came over HTTPS, also through a proxy that
        // terminates TLS (X-Forwarded-Proto above).
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        return builder;
    }

    /// <summary>
    /// First in the pipeline: the proxy's client address and scheme (only when proxies are configured), the cookie
    /// policy, the security headers. The rate limiter runs after localization (see Platform), so its 429s are localized.
    /// </summary>
    public static WebApplication UseSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.ForwardedHeaders.Enabled)
        {
            app.UseForwardedHeaders();
        }

        app.UseCookiePolicy();
        app.UseSecurityHeaders();
        return app;
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, int permits, TimeSpan window) =>
        permits <= 0
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            });
}

/// <summary>Registers the hourly clean-up of old failed-sign-in counts once Hangfire is up.</summary>
public sealed class SecurityJobsRegistration(IRecurringJobManager recurring) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        recurring.AddOrUpdate<SignInThrottle>(SignInThrottle.CleanupJobId, t => t.CleanUpAsync(), Cron.Hourly());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
