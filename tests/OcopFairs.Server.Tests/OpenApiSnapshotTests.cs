using System.Text.Json.Nodes;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>
/// The web app's types are generated from a committed snapshot of the OpenAPI document (web/src/api/openapi.json);
/// this fails when the server's contract moved on without it, so client and server cannot drift apart unnoticed.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class OpenApiSnapshotTests(ServerFixture fixture)
{
    private const string Snapshot = "web/src/api/openapi.json";

    [Fact]
    public async Task Served_OpenApi_document_matches_the_web_apps_committed_snapshot()
    {
        using var http = fixture.Client();
        var served = Normalize(JsonNode.Parse(await http.GetStringAsync("openapi/v1.json"))!);
        var committed = Normalize(JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(ServerProcess.RepositoryRoot, Snapshot)))!);

        if (!JsonNode.DeepEquals(served, committed))
        {
            Assert.Fail(
                $"{Snapshot} is stale: the server's /openapi/v1.json differs at {FirstDifference(served, committed, "$")}. " +
                "Run scripts/gen-api.sh (it rewrites the snapshot and web/src/api/schema.d.ts), then update the web app where its types changed.");
        }
    }

    /// <summary>Without <c>servers</c>: it names the address of whichever server answered.</summary>
    private static JsonNode Normalize(JsonNode document)
    {
        document.AsObject().Remove("servers");
        return document;
    }

    /// <summary>The JSON path of the first place the two documents differ, to say where to look.</summary>
    private static string FirstDifference(JsonNode? served, JsonNode? committed, string path)
    {
        if (served is JsonObject a && committed is JsonObject b)
        {
            foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
            {
                if (!a.ContainsKey(key) || !b.ContainsKey(key))
                {
                    return $"{path}.{key} ({(a.ContainsKey(key) ? "only served" : "only in the snapshot")})";
                }

                if (!JsonNode.DeepEquals(a[key], b[key]))
                {
                    return FirstDifference(a[key], b[key], $"{path}.{key}");
                }
            }
        }

        if (served is JsonArray x && committed is JsonArray y)
        {
            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                if (!JsonNode.DeepEquals(x[i], y[i]))
                {
                    return FirstDifference(x[i], y[i], $"{path}[{i}]");
                }
            }

            return $"{path} ({x.Count} served, {y.Count} in the snapshot)";
        }

        return path;
    }
}
