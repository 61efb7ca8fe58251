using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Security;

/// <summary>The 429 problem that rate limits and sign-in locks answer: localized, with <c>Retry-After</c> in seconds.</summary>
public static class TooManyRequests
{
    public static ProblemHttpResult Answer(
        HttpContext http, TimeSpan retryAfter, string code, string? detail = null, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var extensions = new Dictionary<string, object?>(extra ?? new Dictionary<string, object?>()) { ["retryAfter"] = seconds };
        return Problems.Of(StatusCodes.Status429TooManyRequests, code, detail, extra: extensions);
    }
}
