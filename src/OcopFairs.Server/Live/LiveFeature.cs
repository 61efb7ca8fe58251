using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Live;

/// <summary>The SignalR hub and this node's observer, through which grains anywhere in the cluster push to it.</summary>
public static class LiveFeature
{
    public static WebApplicationBuilder AddLive(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSignalR().AddJsonProtocol(o => JsonDefaults.Apply(o.PayloadSerializerOptions));
        services.AddSingleton<HubRegistrationService>();
        services.AddHostedService(sp => sp.GetRequiredService<HubRegistrationService>());
        return builder;
    }

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapHub<FairHub>("/hubs/fairs");
        return app;
    }
}
