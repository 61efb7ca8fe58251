namespace OcopFairs.Server.Security;

/// <summary>
/// The operators' pages the server serves itself: the Hangfire dashboard, the Orleans dashboard and the API docs. A
/// signed-out browser asking for one (a GET that accepts HTML) is sent to the web app's sign-in page, which brings it
/// back; every other caller (scripts, the dashboards' own data calls, the API) keeps the plain 401 of its endpoint.
/// </summary>
public static class OperatorPages
{
    public static readonly IReadOnlyList<PathString> Paths = ["/hangfire", "/orleans", "/api/docs"];

    /// <summary>After authentication, before the endpoints: they would only answer 401.</summary>
    public static IApplicationBuilder UseOperatorSignIn(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            if (ShouldSignIn(http))
            {
                http.Response.Redirect(LoginPath(http.Request.Path + http.Request.QueryString));
                return Task.CompletedTask;
            }

            return next(http);
        });

    /// <summary>The web app's sign-in page, coming back to <paramref name="next"/> (a path on this site).</summary>
    public static string LoginPath(string next) => "/login?next=" + Uri.EscapeDataString(next);

    private static bool ShouldSignIn(HttpContext http)
    {
        var request = http.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && http.User.Identity?.IsAuthenticated != true
            && Paths.Any(p => request.Path.StartsWithSegments(p))
            && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
    }
}
