using System.Globalization;
using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OcopFairs.Abstractions;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Notifications;

/// <summary>The signed-in user's inbox.</summary>
public static class NotificationsApi
{
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/me/notifications").WithTags("Notifications").RequireAuthorization();
        me.MapGet("/", ListAsync);
        me.MapPost("/{id}/read", MarkReadAsync);
        return app;
    }

    /// <summary>Newest first, each worded in the request's language (Accept-Language).</summary>
    private static async Task<Ok<ImmutableArray<NotificationView>>> ListAsync(bool? unread, ClaimsPrincipal user, IGrainFactory grains)
    {
        var culture = CultureInfo.CurrentUICulture;
        var items = await grains.GetGrain<INotificationInboxGrain>(user.UserId()!).ListAsync(unread == true);
        return TypedResults.Ok(items.Select(n => NotificationView.From(n, culture)).ToImmutableArray());
    }

    private static async Task<Results<Ok, ProblemHttpResult>> MarkReadAsync(string id, ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.GetGrain<INotificationInboxGrain>(user.UserId()!).MarkReadAsync(id)
            ? TypedResults.Ok()
            : Problems.NotFound();
}
