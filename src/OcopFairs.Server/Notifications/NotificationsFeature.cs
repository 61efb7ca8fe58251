namespace OcopFairs.Server.Notifications;

/// <summary>The signed-in user's inbox.</summary>
public static class NotificationsFeature
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder) => builder;

    public static IEndpointRouteBuilder MapNotifications(this IEndpointRouteBuilder app) => app.MapNotificationsApi();
}
