using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using OcopFairs.Domain;

namespace OcopFairs.Server.Infrastructure;

/// <summary>
/// A request body that checks itself: every error it finds is a code on a camelCase field path
/// (<c>booths[3].areaM2</c> → <c>outOfRange</c>), which <see cref="Problems.Validation"/> turns into localized text.
/// It checks what the body alone can tell, with the Domain's rules and bounds; a rule that needs the current state
/// (an edit merged with the fair it edits) runs in the handler and answers the same kind of problem.
/// </summary>
public interface IValidatable
{
    void Validate(Errors errors);
}

/// <summary>
/// The one place bodies and query strings are checked: an endpoint filter on every API endpoint validates each
/// <see cref="IValidatable"/> argument and refuses query values holding control characters, answering a
/// <c>ValidationProblem</c> before the handler runs. Bodies read by hand go through <see cref="ReadJsonAsync{T}"/>,
/// which answers the same way; unreadable JSON bound by the framework reaches <see cref="Malformed"/> through the
/// exception handler.
/// </summary>
public static class Validation
{
    /// <summary>Bodies larger than this are refused with 413 unless the endpoint sets its own limit.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    /// <summary>
    /// Validates the endpoint's input after the filters registered before this call (ids, the fair, who runs it):
    /// a caller who may not act learns that first. Every call adds the filter at its place in the endpoint's chain
    /// and only the last one runs, so the root group can register it for every endpoint and a feature's own checks
    /// can move it after them.
    /// </summary>
    public static TBuilder ValidatesInput<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            var here = new InputValidationMetadata();
            endpoint.Metadata.Add(here);
            endpoint.FilterFactories.Add((context, next) =>
                ReferenceEquals(endpoint.Metadata.OfType<InputValidationMetadata>().Last(), here) ? Filter(context, next) : next);
        });
        return builder;
    }

    /// <summary>Limits request bodies to <see cref="MaxBodyBytes"/> on endpoints that set no limit of their own.</summary>
    public static TBuilder LimitsBodies<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            if (!endpoint.Metadata.OfType<IRequestSizeLimitMetadata>().Any())
            {
                endpoint.Metadata.Add(new BodyLimit(MaxBodyBytes));
            }
        });
        return builder;
    }

    /// <summary>
    /// Adds <c>required</c> for a list that must be given but is not, and for each null entry of a list (<c>[null]</c>),
    /// which the record mapping it would otherwise trip over.
    /// </summary>
    public static void Items<T>(this Errors errors, string field, T?[]? items, bool required = true) where T : class
    {
        if (items is null)
        {
            if (required) errors.Add(field, "required");
            return;
        }

        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is null) errors.Add($"{field}[{i}]", "required");
        }
    }

    /// <summary>The errors of a body; empty when it is valid.</summary>
    public static IReadOnlyDictionary<string, string[]> Check(IValidatable body)
    {
        var errors = new Errors();
        body.Validate(errors);
        return errors.ToDictionary();
    }

    /// <summary>
    /// Reads a JSON body by hand as the framework binds one, with the same answers: 415 when it is not JSON, 400
    /// <c>malformed</c> when it is unreadable or null, the body's field errors when it is invalid.
    /// </summary>
    public static async Task<(T? Body, IResult? Refusal)> ReadJsonAsync<T>(HttpRequest request) where T : class, IValidatable
    {
        if (!request.HasJsonContentType())
        {
            return (null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "unsupportedMediaType"));
        }

        T? body;
        try
        {
            body = await request.ReadFromJsonAsync<T>(request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            return (null, Malformed(e));
        }

        if (body is null)
        {
            return (null, Problems.Of(StatusCodes.Status400BadRequest, "malformed"));
        }

        var errors = Check(body);
        return errors.Count > 0 ? (null, Problems.Validation(errors)) : (body, null);
    }

    /// <summary>
    /// Unreadable JSON as a field error where the reader names the field (<c>$.booths[0].areaM2</c>: a number out of
    /// range, an unknown enum value, a wrong type), else on <c>body</c> (not JSON, nested too deep).
    /// </summary>
    public static ValidationProblem Malformed(JsonException e)
    {
        var field = e.Path is { Length: > 1 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..]
            : e.Path is { Length: > 1 } other && other.StartsWith('$') ? other[1..]
            : null;
        return Problems.Validation(
            new Dictionary<string, string[]> { [field ?? "body"] = [field is null ? "malformed" : "malformedValue"] },
            code: "malformed");
    }

    private static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var bodies = context.MethodInfo.GetParameters()
            .Where(p => typeof(IValidatable).IsAssignableFrom(p.ParameterType))
            .Select(p => p.Position)
            .ToArray();
        return invocation =>
        {
            var errors = new Errors();
            foreach (var (name, values) in invocation.HttpContext.Request.Query)
            {
                if (FieldRules.HasControl(name))
                {
                    errors.Add("query", "controlCharacter");
                }
                else if (values.Any(v => v is not null && FieldRules.HasControl(v)))
                {
                    errors.Add(name, "controlCharacter");
                }
            }

            foreach (var position in bodies)
            {
                if (invocation.Arguments[position] is IValidatable body)
                {
                    body.Validate(errors);
                }
            }

            return errors.Count > 0 ? ValueTask.FromResult<object?>(Problems.Validation(errors.ToDictionary())) : next(invocation);
        };
    }

    /// <summary>Marks where an endpoint's input validation was registered (see <see cref="ValidatesInput{TBuilder}"/>).</summary>
    private sealed class InputValidationMetadata;

    /// <summary>The body limit as endpoint metadata, which routing applies to the request before the body is read.</summary>
    public sealed class BodyLimit(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize { get; } = bytes;
    }
}
