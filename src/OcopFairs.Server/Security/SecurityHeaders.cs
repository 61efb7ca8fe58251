namespace OcopFairs.Server.Security;

/// <summary>A Content-Security-Policy for an endpoint whose page needs other rules than the web app's.</summary>
public sealed record ContentSecurityPolicy(string Value)
{
    /// <summary>
    /// The web app (and every API answer): scripts, styles, fonts and images from this origin only, nothing inline
    /// (the built index.html has no inline script or style; React sets styles through the DOM, which CSP allows);
    /// <c>data:</c> images for the inline favicon; fetches and the SignalR WebSocket to this host.
    /// </summary>
    public static readonly ContentSecurityPolicy App = new(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self' {ws}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");

    /// <summary>
    /// Scalar at /api/docs: its scripts are served from here, but it starts from an inline module script (no nonce
    /// support) and injects its styles. Its default fonts (a CDN) are turned off, so nothing comes from another origin.
    /// </summary>
    public static readonly ContentSecurityPolicy ApiDocs = new(
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "font-src 'self' data:; img-src 'self' data: blob:; connect-src 'self'; " +
        "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");

    /// <summary>The Hangfire dashboard at /hangfire: its own scripts only, but <c>style="…"</c> attributes in its pages.</summary>
    public static readonly ContentSecurityPolicy Dashboard = new(
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'");

    /// <summary>A printable page built by the server (the booth sign): an inline stylesheet and SVG, no script at all.</summary>
    public static readonly ContentSecurityPolicy PrintablePage = new(
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'");
}

/// <summary>
/// Headers on every answer: a Content-Security-Policy (the web app's, unless the endpoint or path needs its own),
/// <c>X-Content-Type-Options: nosniff</c>, <c>X-Frame-Options: DENY</c> (with <c>frame-ancestors</c> for browsers
/// that know it) and <c>Referrer-Policy: same-origin</c>.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The policy is chosen when the request comes in: branches further on (the Hangfire dashboard) move the path into
    /// <c>PathBase</c>, so by the time the answer starts the path no longer says whose page it is.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var policy = PolicyFor(http);
            http.Response.OnStarting(() => Apply(http.Response.Headers, policy));
            return next(http);
        });

    /// <summary>Gives the endpoint's answers <paramref name="policy"/> instead of the web app's.</summary>
    public static TBuilder WithContentSecurityPolicy<TBuilder>(this TBuilder builder, ContentSecurityPolicy policy)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(policy);

    private static Task Apply(IHeaderDictionary headers, string policy)
    {
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        if (headers.ContentSecurityPolicy.Count == 0)
        {
            headers.ContentSecurityPolicy = policy;
        }

        return Task.CompletedTask;
    }

    private static string PolicyFor(HttpContext http)
    {
        var path = http.Request.Path;
        var policy = http.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicy>()
            ?? (path.StartsWithSegments("/api/docs") ? ContentSecurityPolicy.ApiDocs
                : path.StartsWithSegments("/hangfire") ? ContentSecurityPolicy.Dashboard
                : ContentSecurityPolicy.App);

        // 'self' covers ws: and wss: to this host only in CSP 3 browsers; naming the host covers the others. A host
        // that is not plainly a name or address is left out rather than written into the policy.
        var host = http.Request.Host.Value;
        var webSocket = IsPlainHost(host) ? (http.Request.IsHttps ? "wss://" : "ws://") + host : string.Empty;
        return policy == ContentSecurityPolicy.App ? policy.Value.Replace("{ws}", webSocket, StringComparison.Ordinal) : policy.Value;
    }

    private static bool IsPlainHost(string? host) =>
        !string.IsNullOrEmpty(host) && host.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']');
}
