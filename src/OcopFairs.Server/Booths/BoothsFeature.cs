using OcopFairs.Grains;

namespace OcopFairs.Server.Booths;

/// <summary>The live floor: booth holds and the organiser's booth changes, allocation, hold expiry, the floor store.</summary>
public static class BoothsFeature
{
    public static WebApplicationBuilder AddBooths(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<FloorOptions>(builder.Configuration.GetSection("Floor"));
        services.AddSingleton<IFloorStore, FloorStore>();
        services.AddSingleton<IBoothEvents, BoothEvents>();
        services.AddTransient<BoothJobs>();
        services.AddHostedService<BoothJobsRegistration>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBooths(this IEndpointRouteBuilder app) => app.MapBoothsApi().MapAllocationApi();
}
