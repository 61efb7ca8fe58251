using System.Text.Json.Nodes;
using OcopFairs.Server.Infrastructure;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>The served OpenAPI document tells clients how to sign in and every problem an operation can answer.</summary>
[Collection(ServerCollection.Name)]
public sealed class OpenApiContractTests(ServerFixture fixture)
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private async Task<JsonNode> DocumentAsync()
    {
        using var http = fixture.Client();
        return JsonNode.Parse(await http.GetStringAsync("openapi/v1.json"))!;
    }

    private static IEnumerable<(string Key, string Path, string Method, JsonObject Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        where Methods.Contains(operation.Key)
        select ($"{operation.Key.ToUpperInvariant()} {path.Key}", path.Key, operation.Key, operation.Value!.AsObject());

    private static string? ProblemSchema(JsonObject operation, string status) =>
        operation["responses"]?[status]?["content"]?["application/problem+json"]?["schema"]?["$ref"]?.GetValue<string>().Split('/')[^1];

    [Fact]
    public async Task The_document_declares_the_bearer_token_and_the_cookie_and_which_operations_need_them()
    {
        var document = await DocumentAsync();

        var schemes = document["components"]!["securitySchemes"]!;
        Assert.Equal("http", schemes["Bearer"]!["type"]!.GetValue<string>());
        Assert.Equal("bearer", schemes["Bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal(("apiKey", "cookie", "ocop.auth"), (
            schemes["Cookie"]!["type"]!.GetValue<string>(), schemes["Cookie"]!["in"]!.GetValue<string>(), schemes["Cookie"]!["name"]!.GetValue<string>()));

        var operations = Operations(document).ToDictionary(o => o.Key, o => o.Operation);
        Assert.Null(operations["GET /api/fairs"]["security"]);
        Assert.Null(operations["POST /api/auth/login"]["security"]);
        foreach (var key in new[] { "PUT /api/fairs/{fairId}/floor-plan", "POST /api/fairs/{fairId}/booths/{boothCode}/hold", "GET /api/me" })
        {
            var names = operations[key]["security"]!.AsArray().SelectMany(r => r!.AsObject().Select(s => s.Key));
            Assert.Equal(["Bearer", "Cookie"], names.Order(StringComparer.Ordinal));
            Assert.Equal("Problem", ProblemSchema(operations[key], "401"));
        }
    }

    [Fact]
    public async Task Every_operation_declares_the_problems_it_can_answer()
    {
        var document = await DocumentAsync();

        foreach (var (key, path, method, operation) in Operations(document))
        {
            Assert.True(ProblemSchema(operation, "400") == "ValidationProblem", $"{key}: 400");
            if (operation["security"] is not null) Assert.True(ProblemSchema(operation, "401") == "Problem", $"{key}: 401");
            if (operation["requestBody"] is not null)
            {
                Assert.True(ProblemSchema(operation, "413") == "Problem", $"{key}: 413");
                Assert.True(ProblemSchema(operation, "415") == "Problem", $"{key}: 415");
            }

            foreach (var name in System.Text.RegularExpressions.Regex.Matches(path, @"\{(\w+)\}").Select(m => m.Groups[1].Value))
            {
                Assert.True(ProblemSchema(operation, "404") == "Problem", $"{key}: 404");
                Assert.Contains(operation["parameters"]!.AsArray(), p => p!["in"]!.GetValue<string>() == "path" && p["name"]!.GetValue<string>() == name);
            }

            if (operation["security"] is not null && method != "get" && (path.Contains('{') || operation["requestBody"] is not null))
            {
                Assert.True(ProblemSchema(operation, "409") == "Problem", $"{key}: 409");
                Assert.True(ProblemSchema(operation, "422") == "Problem", $"{key}: 422");
            }
        }

        var floorPlan = Operations(document).Single(o => o.Key == "PUT /api/fairs/{fairId}/floor-plan").Operation;
        Assert.Equal("Problem", ProblemSchema(floorPlan, "403"));
        Assert.Equal("string", floorPlan["requestBody"]!["content"]!["text/csv"]!["schema"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Problem_schemas_carry_the_codes_clients_read()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;

        Assert.NotNull(schemas["Problem"]!["properties"]!["code"]);
        Assert.NotNull(schemas["Problem"]!["properties"]!["items"]);
        var fields = schemas["ValidationProblem"]!["allOf"]!.AsArray().Select(s => s!["properties"]).OfType<JsonObject>().Single();
        Assert.Equal(["codes", "errors"], fields.Select(f => f.Key).Order(StringComparer.Ordinal));
        Assert.Null(schemas["HttpValidationProblemDetails"]);
    }

    [Fact]
    public async Task Schemas_say_what_the_json_is_enums_as_names_numbers_as_numbers_arrays_as_arrays()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!.AsObject();

        foreach (var (name, schema) in schemas)
        {
            if (schema!["enum"] is JsonArray values)
            {
                Assert.All(values, v => Assert.Equal(System.Text.Json.JsonValueKind.String, v!.GetValueKind()));
            }

            if (name.StartsWith("ImmutableArrayOf", StringComparison.Ordinal))
            {
                Assert.Equal("array", schema["type"]!.GetValue<string>());
            }

            foreach (var (property, definition) in schema["properties"]?.AsObject() ?? [])
            {
                var types = definition!["type"] switch
                {
                    JsonArray list => list.Select(t => t!.GetValue<string>()).ToArray(),
                    JsonValue one => [one.GetValue<string>()],
                    _ => [],
                };
                Assert.False(types.Contains("string") && (types.Contains("number") || types.Contains("integer")), $"{name}.{property} is a number or a string");
            }
        }

        // A request field that may be left out is not required; one the server needs is.
        var fair = schemas["CreateFairRequest"]!;
        Assert.Null(fair["required"]);
        Assert.Contains("email", schemas["RegisterRequest"]!["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(["FirstCome", "Organiser"], schemas["AllocationMode"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public async Task Every_json_body_the_api_reads_validates_itself()
    {
        var document = await DocumentAsync();
        var types = typeof(IValidatable).Assembly.GetTypes();

        var bodies = Operations(document)
            .Select(o => o.Operation["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>())
            .OfType<string>()
            .Select(r => r.Split('/')[^1])
            .Distinct()
            .ToList();

        Assert.NotEmpty(bodies);
        Assert.All(bodies, name => Assert.True(
            types.Single(t => t.Name == name && !t.IsNested).IsAssignableTo(typeof(IValidatable)),
            $"{name} is read as a body but does not implement IValidatable"));
    }
}
