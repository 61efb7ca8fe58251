namespace OcopFairs.Server.Exports;

/// <summary>Exports and the province's results report (issue 18): files and figures read from the deals ledger.</summary>
public static class ExportsFeature
{
    public static WebApplicationBuilder AddExports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DealLedger>();
        return builder;
    }

    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app) => app.MapExportsApi();
}
