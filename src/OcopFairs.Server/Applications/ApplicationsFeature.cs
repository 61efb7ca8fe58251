using OcopFairs.Grains;

namespace OcopFairs.Server.Applications;

/// <summary>Applications to exhibit: eligibility, the review queue, the waitlist.</summary>
public static class ApplicationsFeature
{
    public static WebApplicationBuilder AddApplications(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IApplicationEvents, ApplicationEvents>();
        builder.Services.AddSingleton<ApplicationQueue>();
        return builder;
    }

    public static IEndpointRouteBuilder MapApplications(this IEndpointRouteBuilder app) => app.MapApplicationsApi();
}
