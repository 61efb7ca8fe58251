using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OcopFairs.Server.Infrastructure;

/// <summary>
/// One JSON shape for HTTP, SignalR and stored grain state: camelCase, enums as strings. Enums are read by name only:
/// a number (<c>"allocationMode": 7</c>) would otherwise bind to a value no rule knows, and be stored. Numbers are
/// read as numbers only.
/// </summary>
public static class JsonDefaults
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // Numbers are JSON numbers (the web defaults also read "12" as 12), so the API description says number, not
        // number-or-string, and a client's type mistake is a field error rather than a guess.
        options.NumberHandling = JsonNumberHandling.Strict;
        // Vietnamese stays readable in stored state and responses instead of \uXXXX escapes.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
            options.Converters.Add(new ImmutableArrayConverterFactory());
        }
    }

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Apply(options);
        return options;
    }
}
