using System.Numerics;

namespace OcopFairs.Domain;

/// <summary>
/// What every field of ours obeys, whichever rule owns it: text has a length limit and no control characters, numbers
/// lie in a range, enum values are defined, ids are short URL-safe strings. Each check answers an error code (or
/// null), so rules that keep their own error lists and those using <see cref="Errors"/> share them.
/// </summary>
public static class FieldRules
{
    public const int MaxIdLength = 64;

    /// <summary>Ids are short URL-safe strings: letters, digits, '-' and '_'.</summary>
    public static bool IsId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>
    /// Whether the text holds a control character: C0 (U+0000–U+001F), DEL or C1 (U+0080–U+009F). Multi-line fields
    /// (descriptions, notes, reasons) may hold line breaks and tabs. Controls break what reads the text later — a NUL
    /// cannot be stored in PostgreSQL, others garble the CSV, the printed sign and the screen.
    /// </summary>
    public static bool HasControl(string text, bool multiline = false)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The code for text that is missing when required, too long, or holds a control character; else null.</summary>
    public static string? TextError(string? value, int max, bool required = false, bool multiline = false) =>
        string.IsNullOrWhiteSpace(value) ? (required ? "required" : null)
        : value.Length > max ? "tooLong"
        : HasControl(value, multiline) ? "controlCharacter"
        : null;

    /// <summary>Whether the number lies in [min, max]; NaN never does.</summary>
    public static bool InRange<T>(T value, T min, T max) where T : INumber<T> => value >= min && value <= max;

    public static void Text(this Errors errors, string field, string? value, int max, bool required = false, bool multiline = false)
    {
        if (TextError(value, max, required, multiline) is { } code) errors.Add(field, code);
    }

    /// <summary>Adds <c>outOfRange</c> when the value is given and lies outside [min, max].</summary>
    public static void Range<T>(this Errors errors, string field, T? value, T min, T max) where T : struct, INumber<T>
    {
        if (value is { } v && !InRange(v, min, max)) errors.Add(field, "outOfRange");
    }

    /// <summary>Adds <c>outOfRange</c> when the value is given and lies outside (0, max].</summary>
    public static void Positive<T>(this Errors errors, string field, T? value, T max) where T : struct, INumber<T>
    {
        if (value is { } v && !(v > T.Zero && v <= max)) errors.Add(field, "outOfRange");
    }

    /// <summary>Adds <paramref name="code"/> when the value is given and is not one of the enum's names.</summary>
    public static void Defined<TEnum>(this Errors errors, string field, TEnum? value, string code = "invalidValue") where TEnum : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v)) errors.Add(field, code);
    }

    /// <summary>Adds <c>tooMany</c> when the list is given and longer than <paramref name="max"/>.</summary>
    public static void Count<T>(this Errors errors, string field, IReadOnlyCollection<T>? values, int max)
    {
        if (values is { } list && list.Count > max) errors.Add(field, "tooMany");
    }
}

/// <summary>Field errors collected by code; keys are camelCase field paths.</summary>
public sealed class Errors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public int Count => _errors.Count;

    public void Add(string field, string code)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        if (!list.Contains(code))
        {
            list.Add(code);
        }
    }

    /// <summary>Adds every error of another rule's result, its fields under <paramref name="prefix"/> when given.</summary>
    public void AddAll(IReadOnlyDictionary<string, string[]> errors, string? prefix = null)
    {
        foreach (var (field, codes) in errors)
        {
            foreach (var code in codes)
            {
                Add(prefix is null ? field : $"{prefix}.{field}", code);
            }
        }
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
