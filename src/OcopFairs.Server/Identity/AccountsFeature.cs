using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OcopFairs.Abstractions;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Identity;

/// <summary>Accounts and sign-in: ASP.NET Core Identity on PostgreSQL, cookies for the web app, bearer tokens for clients.</summary>
public static class AccountsFeature
{
    public const string HangfirePolicy = "HangfireDashboard";

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddDbContext<AppDbContext>(o => o.UseNpgsql(ConnectionStrings.Get(builder.Configuration)));
        services.AddDataProtection().SetApplicationName("OcopFairs").PersistKeysToDbContext<AppDbContext>();
        services.AddIdentityApiEndpoints<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                // Identity's own lockout counts per account, so anyone who knows an e-mail could lock its owner out;
                // SignInThrottle counts per account and client instead. Identity's lock still holds when an admin sets one.
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>();
        services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, AppClaimsFactory>();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "ocop.auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
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
        return builder;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app) => app.MapAuthApi();
}
