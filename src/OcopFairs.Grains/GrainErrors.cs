using System.Collections.Immutable;

namespace OcopFairs.Grains;

/// <summary>
/// A request the domain refuses. <see cref="Code"/> is a stable machine code the HTTP layer maps to a status and a
/// localized message; the grain's state is unchanged when this is thrown.
/// </summary>
[GenerateSerializer, Alias("ocop.DomainException")]
public sealed class DomainException : Exception
{
    public DomainException(string code, DomainErrorKind kind, string message) : base(message)
    {
        Code = code;
        Kind = kind;
    }

    [Id(0)] public string Code { get; }

    [Id(1)] public DomainErrorKind Kind { get; }

    /// <summary>What the refusal is about, for clients in any language (for example the booths still in use).</summary>
    [Id(2)] public ImmutableArray<string> Items { get; init; } = [];

    public static DomainException NotFound(string code, string message) => new(code, DomainErrorKind.NotFound, message);

    public static DomainException Conflict(string code, string message, IEnumerable<string>? items = null) =>
        new(code, DomainErrorKind.Conflict, message) { Items = items is null ? [] : [.. items] };

    public static DomainException Invalid(string code, string message) => new(code, DomainErrorKind.Invalid, message);

    public static DomainException Refused(string code, string message) => new(code, DomainErrorKind.Refused, message);

    /// <summary>
    /// Refuses with <paramref name="code"/> (400) when a Domain rule found field errors, naming the fields as items.
    /// The HTTP edge runs the same rules first and answers field errors; this guards callers that reach the grain directly.
    /// </summary>
    public static void ThrowIfInvalid(string code, IReadOnlyDictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new DomainException(code, DomainErrorKind.Invalid, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(',', e.Value)}")))
            {
                Items = [.. errors.Keys],
            };
        }
    }
}

/// <summary>404, 409, 400 and 422 respectively.</summary>
public enum DomainErrorKind { NotFound, Conflict, Invalid, Refused }

public static class Refusals
{
    /// <summary>A Domain rule's refusal as the exception grains answer with (404, 409 or 422 at the edge).</summary>
    public static DomainException ToException(this OcopFairs.Domain.Refusal refusal) =>
        new(refusal.Code, refusal.Kind switch
        {
            OcopFairs.Domain.RefusalKind.NotFound => DomainErrorKind.NotFound,
            OcopFairs.Domain.RefusalKind.Conflict => DomainErrorKind.Conflict,
            _ => DomainErrorKind.Refused,
        }, refusal.Message)
        {
            Items = refusal.Items is null ? [] : [.. refusal.Items],
        };
}
