using OcopFairs.Grains;

namespace OcopFairs.Server.Matching;

/// <summary>
/// Explainable matching: each fair's index ranks approved exhibitors' products for registered buyers' needs, with
/// reasons in the reader's language, and re-ranks live when needs, approvals or catalogues change.
/// </summary>
public static class MatchingFeature
{
    public static WebApplicationBuilder AddMatching(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MatchSource>();
        builder.Services.AddSingleton<IMatchSource>(sp => sp.GetRequiredService<MatchSource>());
        builder.Services.AddSingleton<MatchSignals>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMatching(this IEndpointRouteBuilder app) => app.MapMatchingApi();
}
