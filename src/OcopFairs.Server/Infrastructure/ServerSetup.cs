using OcopFairs.Server.Applications;
using OcopFairs.Server.Booths;
using OcopFairs.Server.Buyers;
using OcopFairs.Server.Deals;
using OcopFairs.Server.Demo;
using OcopFairs.Server.Fairs;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Live;
using OcopFairs.Server.Meetings;
using OcopFairs.Server.Matching;
using OcopFairs.Server.Notifications;
using OcopFairs.Server.Producers;
using OcopFairs.Server.Reminders;
using OcopFairs.Server.Security;

namespace OcopFairs.Server.Infrastructure;

/// <summary>
/// The one host process: the platform every feature stands on, then the features, each one folder with its
/// <c>AddX()</c> and <c>MapX()</c> (docs/ARCHITECTURE.md lists them). Hosted services start in registration order:
/// migrations, the silo, then the features that need grains.
/// </summary>
public static class ServerSetup
{
    public static WebApplicationBuilder AddOcopFairs(this WebApplicationBuilder builder) =>
        builder
            .AddPlatform()
            .AddAccounts()
            .AddSecurity()
            .AddLive()
            .AddFairs()
            .AddBooths()
            .AddApplications()
            .AddProducers()
            .AddBuyers()
            .AddMeetings()
            .AddDeals()
            .AddMatching()
            .AddNotifications()
            .AddReminders()
            .AddDemo();

    public static WebApplication UseOcopFairs(this WebApplication app)
    {
        app.UseSecurity();
        app.UsePlatform();

        // Every API endpoint validates its body and query string, and limits its body (Validation).
        var api = app.MapGroup("").ValidatesInput().LimitsBodies();
        api.MapAccounts();
        api.MapFairs();
        api.MapBooths();
        api.MapApplications();
        api.MapProducers();
        api.MapBuyers();
        api.MapMeetings();
        api.MapMatching();
        api.MapNotifications();
        api.MapDeals();
        app.MapLive();
        app.MapPlatformFallbacks();
        return app;
    }
}
