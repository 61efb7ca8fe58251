using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OcopFairs.Server.Infrastructure;

/// <summary>
/// What the generated OpenAPI document says beyond the handlers' own types, so generated clients and fuzzers see the
/// real contract: how a caller signs in (a bearer token from <c>POST /api/auth/login</c>, or the web app's cookie),
/// which operations need it, and the problems each operation can answer, read from its endpoint metadata.
/// </summary>
public static partial class OpenApiContract
{
    public const string Bearer = "Bearer";
    public const string Cookie = "Cookie";
    public const string ProblemSchema = "Problem";
    public const string ValidationProblemSchema = "ValidationProblem";
    private const string ProblemJson = "application/problem+json";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer(DescribeAsync);
        options.AddOperationTransformer(DescribeAsync);
        options.AddSchemaTransformer(DescribeAsync);
    }

    /// <summary>
    /// Schemas as the JSON really is: ImmutableArray (written by our converter, which the schema exporter cannot see
    /// through) is an array; a property that may be null may also be absent, since null is neither required in a
    /// request nor written in a response (JsonDefaults).
    /// </summary>
    private static async Task DescribeAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>))
        {
            schema.Type = JsonSchemaType.Array;
            schema.Items = await context.GetOrCreateSchemaAsync(type.GetGenericArguments()[0], null, ct);
        }

        if (schema.Required is { Count: > 0 } required)
        {
            foreach (var property in context.JsonTypeInfo.Properties.Where(p => p.IsGetNullable || p.IsSetNullable))
            {
                required.Remove(property.Name);
            }
        }
    }

    /// <summary>The security schemes and the problem schemas every operation refers to.</summary>
    private static Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken answered by POST /api/auth/login (renewed with POST /api/auth/refresh).",
        };
        document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Cookie,
            Name = "ocop.auth",
            Description = "The web app's session cookie, set by POST /api/auth/login?useCookies=true.",
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        document.Components.Schemas[ValidationProblemSchema] = new OpenApiSchema
        {
            Description = "A problem with field errors: errors holds localized text and codes the stable codes, per camelCase field path "
                + "(booths[3].areaM2). Both are absent when the body could not be read at all (code malformed).",
            AllOf =
            [
                new OpenApiSchemaReference(ProblemSchema, document),
                new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["errors"] = FieldMap(),
                        ["codes"] = FieldMap(),
                    },
                },
            ],
        };

        // Replaced by ValidationProblem on every operation.
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        return Task.CompletedTask;
    }

    /// <summary>An operation's sign-in and error responses, from its endpoint's metadata.</summary>
    private static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        var method = description.HttpMethod ?? "GET";
        var mutates = method is "POST" or "PUT" or "PATCH" or "DELETE";
        var signedIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        var roles = metadata.OfType<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Roles))
            || metadata.OfType<AuthorizationPolicy>().Any(p => p.Requirements.OfType<RolesAuthorizationRequirement>().Any());
        var routeValues = RouteValues(description.RelativePath);
        var hasRouteValues = routeValues.Count > 0;
        DeclareRouteValues(operation, routeValues);
        var hasBody = operation.RequestBody is not null || metadata.OfType<IAcceptsMetadata>().Any();

        operation.Responses ??= new OpenApiResponses();
        if (signedIn)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, document)] = [] });
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, document)] = [] });
            Answer(operation, document, 401, "Not signed in.");
            if (roles || hasRouteValues)
            {
                Answer(operation, document, 403, "Signed in without the role, or not the owner (the fair's organiser, the producer).");
            }
        }

        // Every API endpoint validates its query string, and its body if it has one (Validation.ValidatesInput).
        Answer(operation, document, 400, hasBody ? "Invalid or unreadable body or query (field errors)." : "Invalid query (field errors).", ValidationProblemSchema);
        if (hasRouteValues)
        {
            Answer(operation, document, 404, "What the route names does not exist (code says what: fair.notFound, booth.notFound…).");
        }

        if (signedIn && mutates && (hasRouteValues || hasBody))
        {
            Answer(operation, document, 409, "Conflicts with the current state (booth.taken, fair.transition…).");
            Answer(operation, document, 422, "A rule refuses it (application.ineligible, booth.notApproved…).");
        }

        if (hasBody)
        {
            Answer(operation, document, 413, "The body is larger than the endpoint takes.");
            Answer(operation, document, 415, "The body is not of a content type the endpoint reads.");
            if (operation.RequestBody?.Content is { } content && content.TryGetValue("text/csv", out var csv))
            {
                csv.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "CSV rows, see docs/API.md." };
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The names in a route template (<c>api/fairs/{fairId}/booths/{boothCode}/hold</c>).</summary>
    private static List<string> RouteValues(string? template) =>
        [.. RouteValue().Matches(template ?? string.Empty).Select(m => m.Groups[1].Value)];

    /// <summary>
    /// Route values a handler reads through a filter (the fair of <c>ForFair</c>) are not its parameters, and would be
    /// missing from the operation; clients need them all.
    /// </summary>
    private static void DeclareRouteValues(OpenApiOperation operation, List<string> names)
    {
        operation.Parameters ??= [];
        foreach (var name in names.Where(n => !operation.Parameters.Any(p => p.In == ParameterLocation.Path && p.Name == n)))
        {
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = name,
                In = ParameterLocation.Path,
                Required = true,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }

    private static void Answer(OpenApiOperation operation, OpenApiDocument? document, int status, string description, string schema = ProblemSchema)
    {
        operation.Responses![status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
    }

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 problem details; title and detail in the request's language (Accept-Language: vi, en).",
        Required = new HashSet<string> { "status", "title" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text(nullable: true),
            ["title"] = Text(),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["detail"] = Text(nullable: true),
            ["instance"] = Text(nullable: true),
            ["code"] = Text(description: "A stable machine code (booth.taken, validation, malformed, unauthorized…)."),
            ["items"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text(), Description = "What the refusal is about (the booths still in use)." },
            ["reasons"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Description = "Why an application is not eligible (422 application.ineligible).",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "code", "message" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["code"] = Text(),
                        ["message"] = Text(),
                        ["productId"] = Text(nullable: true),
                    },
                },
            },
            ["traceId"] = Text(),
        },
    };

    private static OpenApiSchema Text(bool nullable = false, string? description = null) => new()
    {
        Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String,
        Description = description,
    };

    private static OpenApiSchema FieldMap() => new()
    {
        Type = JsonSchemaType.Object,
        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text() },
    };

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteValue();
}
