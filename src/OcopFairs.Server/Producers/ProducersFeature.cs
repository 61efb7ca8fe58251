using OcopFairs.Grains;

namespace OcopFairs.Server.Producers;

/// <summary>Producer profiles, the OCOP catalogue and its search, public product cards, booth signs.</summary>
public static class ProducersFeature
{
    public static WebApplicationBuilder AddProducers(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ICatalogIndex, CatalogIndex>();
        services.AddSingleton<ProductSearchIndex>();
        services.AddHostedService(sp => sp.GetRequiredService<ProductSearchIndex>());
        services.AddSingleton<CatalogSearch>();
        services.AddSingleton<ProductPhotoStore>();
        return builder;
    }

    public static IEndpointRouteBuilder MapProducers(this IEndpointRouteBuilder app) => app.MapProducersApi().MapBoothSignApi().MapProductPhotosApi().MapExhibitorsApi();
}
