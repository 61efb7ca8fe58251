using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using OcopFairs.Grains;

namespace OcopFairs.Server.Infrastructure;

/// <summary>Builds localized RFC 9457 problem details.</summary>
public static class Problems
{
    /// <summary>
    /// A 400 with field errors; each error code becomes a localized message. <paramref name="code"/> is the problem's
    /// own: <c>validation</c>, or <c>malformed</c> when the body could not be read.
    /// </summary>
    public static ValidationProblem Validation(IReadOnlyDictionary<string, string[]> codes, string code = "validation")
    {
        var culture = CultureInfo.CurrentUICulture;
        var errors = codes.ToDictionary(e => e.Key, e => e.Value.Select(c => ErrorText.Get(c, culture)).ToArray());
        return TypedResults.ValidationProblem(errors, title: ErrorText.Get(code, culture), extensions: new Dictionary<string, object?>
        {
            ["code"] = code,
            ["codes"] = codes,
        });
    }

    public static ProblemHttpResult Of(
        int status, string code, string? detail = null, IReadOnlyList<string>? items = null, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (items is { Count: > 0 })
        {
            extensions["items"] = items;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, object?>())
        {
            extensions[key] = value;
        }

        return TypedResults.Problem(statusCode: status, title: ErrorText.Get(code), detail: detail, extensions: extensions);
    }

    /// <summary>
    /// A grain's refusal as a problem, for the exception handler and for endpoints on hot paths alike (a booth rush
    /// answers hundreds of 409s a second: those catch refusals at the grain call and return this, which spares the
    /// exception its way up through every middleware).
    /// </summary>
    public static ProblemHttpResult From(DomainException refusal)
    {
        var status = refusal.Kind switch
        {
            DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
            DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
            DomainErrorKind.Invalid => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        IReadOnlyList<string>? items = refusal.Items.IsDefaultOrEmpty ? null : refusal.Items;

        // In English the grain's message; otherwise what the refusal is about, if it names anything.
        var detail = ErrorText.IsEnglish(CultureInfo.CurrentUICulture) ? refusal.Message : items is null ? null : string.Join(", ", items);
        return Of(status, refusal.Code, detail, items);
    }

    public static ProblemHttpResult NotFound(string code = "notFound") => Of(StatusCodes.Status404NotFound, code);

    /// <summary>
    /// Gives the problems the framework writes itself (a bare 401 or 403 from sign-in, 413 from a body limit, 415) the
    /// code and the localized title ours carry, so every problem of these kinds reads the same to a client.
    /// </summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var code = problem.Status switch
        {
            StatusCodes.Status401Unauthorized => "unauthorized",
            StatusCodes.Status403Forbidden => "forbidden",
            StatusCodes.Status404NotFound => "notFound",
            StatusCodes.Status413PayloadTooLarge => "tooLong",
            StatusCodes.Status415UnsupportedMediaType => "unsupportedMediaType",
            _ => null,
        };
        if (code is not null && !problem.Extensions.ContainsKey("code"))
        {
            problem.Extensions["code"] = code;
            problem.Title = ErrorText.Get(code);
        }
    }

    public static ProblemHttpResult Forbidden() => Of(StatusCodes.Status403Forbidden, "forbidden");
}

/// <summary>Turns refusals thrown by grains and unreadable request bodies into problem details; nothing else leaks details.</summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (exception is IneligibleException ineligible)
        {
            http.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                Exception = exception,
                ProblemDetails =
                {
                    Status = StatusCodes.Status422UnprocessableEntity,
                    Title = ErrorText.Get("application.ineligible"),
                    Extensions =
                    {
                        ["code"] = "application.ineligible",
                        ["reasons"] = Applications.EligibilityResponse.From(ineligible.Eligibility, System.Globalization.CultureInfo.CurrentUICulture).Reasons,
                    },
                },
            });
        }

        if (exception is DomainException refusal)
        {
            // The same problem the booth endpoints answer themselves.
            await Problems.From(refusal).ExecuteAsync(http);
            return true;
        }

        if (exception is BadHttpRequestException { InnerException: System.Text.Json.JsonException unreadable })
        {
            await Validation.Malformed(unreadable).ExecuteAsync(http);
            return true;
        }

        var (status, code, detail) = exception switch
        {
            BadHttpRequestException b => (b.StatusCode, b.StatusCode == 413 ? "tooLong" : "malformed", (string?)null),
            Orleans.Storage.InconsistentStateException => (StatusCodes.Status409Conflict, "conflict", null),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested => (499, "error", null),
            TimeoutException => (StatusCodes.Status503ServiceUnavailable, "unavailable", null),
            _ => (StatusCodes.Status500InternalServerError, "error", null),
        };

        if (status >= 500)
        {
            LogUnhandled(logger, exception, http.Request.Method, http.Request.Path);
        }

        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = status,
                Title = ErrorText.Get(code),
                Detail = detail,
                Extensions = { ["code"] = code },
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
