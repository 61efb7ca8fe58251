using OcopFairs.Grains;

namespace OcopFairs.Server.Buyers;

/// <summary>Buyers: profiles and sourcing needs (the buyer grain), registration for fairs with QR badges, check-in.</summary>
public static class BuyersFeature
{
    public static WebApplicationBuilder AddBuyers(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FairBuyers>();
        builder.Services.AddSingleton<IBuyerEvents>(sp => sp.GetRequiredService<FairBuyers>());
        return builder;
    }

    public static IEndpointRouteBuilder MapBuyers(this IEndpointRouteBuilder app) => app.MapBuyersApi();
}
