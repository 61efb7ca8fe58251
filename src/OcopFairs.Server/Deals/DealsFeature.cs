using OcopFairs.Grains;

namespace OcopFairs.Server.Deals;

/// <summary>The deals ledger (issue 18): each deal's grain decides; the store keeps deals, versions and keys in PostgreSQL.</summary>
public static class DealsFeature
{
    public static WebApplicationBuilder AddDeals(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DealStore>();
        builder.Services.AddSingleton<IDealStore>(sp => sp.GetRequiredService<DealStore>());
        builder.Services.AddSingleton<IDealEvents, DealEvents>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDeals(this IEndpointRouteBuilder app) => app.MapDealsApi();
}
