using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Storage;

namespace OcopFairs.Server.Infrastructure;

/// <summary>
/// Stores grain state as plain JSON inside a small versioned envelope, <c>{"format":1,"state":{…}}</c>. Unlike the
/// default Orleans binary format it writes no .NET type names, so state survives renamed or moved classes, and it can be
/// read with psql. A later format bumps <see cref="Format"/> and upgrades older envelopes when it reads them.
/// </summary>
public sealed class JsonGrainStorageSerializer : IGrainStorageSerializer
{
    public const int Format = 1;
    private readonly JsonSerializerOptions _options = JsonDefaults.Create();

    public BinaryData Serialize<T>(T? input)
    {
        var envelope = new JsonObject
        {
            ["format"] = Format,
            ["state"] = JsonSerializer.SerializeToNode(input, _options),
        };
        return BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(envelope, _options));
    }

    public T Deserialize<T>(BinaryData input)
    {
        var envelope = JsonNode.Parse(input.ToMemory().Span) as JsonObject
            ?? throw new InvalidDataException("Stored grain state is not a JSON object.");
        var format = envelope["format"]?.GetValue<int>()
            ?? throw new InvalidDataException("Stored grain state has no format number.");
        if (format != Format)
        {
            throw new InvalidDataException($"Stored grain state has format {format}; this build reads format {Format}.");
        }

        var state = envelope["state"];
        return state is null ? default! : state.Deserialize<T>(_options)!;
    }
}
