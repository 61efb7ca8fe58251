namespace OcopFairs.Server.Demo;

/// <summary>The Hoa Binh demo data, seeded at start when <c>Demo:Seed</c> is true.</summary>
public static class DemoFeature
{
    public static WebApplicationBuilder AddDemo(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DemoSeeder>();
        builder.Services.AddHostedService<DemoSeedService>();
        return builder;
    }
}

/// <summary>Seeds demo data once the silo is up, when <c>Demo:Seed</c> is true.</summary>
public sealed class DemoSeedService(IConfiguration configuration, DemoSeeder seeder) : IHostedService
{
    public Task StartAsync(CancellationToken ct) =>
        configuration.GetValue<bool>("Demo:Seed") ? seeder.SeedAsync(ct) : Task.CompletedTask;

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
