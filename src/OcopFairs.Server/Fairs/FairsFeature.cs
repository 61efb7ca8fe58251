namespace OcopFairs.Server.Fairs;

/// <summary>Fairs and their floor plans.</summary>
public static class FairsFeature
{
    public static WebApplicationBuilder AddFairs(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FairVisibility>();
        return builder;
    }

    public static IEndpointRouteBuilder MapFairs(this IEndpointRouteBuilder app) => app.MapFairsApi().MapFloorPlanApi();
}
