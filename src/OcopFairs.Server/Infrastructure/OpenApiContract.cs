using System.Collections.Immutable;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OcopFairs.Server.Infrastructure;

/// <summary>
/// Makes <c>/openapi/v1.json</c> the real contract, for generated clients (the web app's types, web/src/api/schema.d.ts,
/// <c>scripts/gen-api.sh</c>) and fuzzers alike: schemas as our JSON set-up (<see cref="JsonDefaults"/>) really writes
/// and reads them, how a caller signs in (a bearer token from <c>POST /api/auth/login</c>, or the web app's cookie),
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
        // ImmutableArray<T> goes through our own converter, so the generator saw an opaque type: describe it as the
        // JSON array it is, inline like any other list.
        options.CreateSchemaReferenceId = type =>
            ElementOfImmutableArray(type.Type) is null ? OpenApiOptions.CreateDefaultSchemaReferenceId(type) : null;
        options.AddDocumentTransformer(DescribeAsync);
        options.AddOperationTransformer(DescribeAsync);
        options.AddOperationTransformer(DescribeAlternativeResponsesAsync);
        options.AddSchemaTransformer(DescribeAsync);
    }

    /// <summary>
    /// Describes the body of <paramref name="contentType"/> (e.g. CSV) as plain text beside its JSON form. The content type
    /// must also be in the endpoint's <c>Accepts</c>, which routing matches requests on.
    /// </summary>
    public static RouteHandlerBuilder AcceptsText(this RouteHandlerBuilder builder, string contentType) =>
        builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.RequestBody?.Content is { } content)
            {
                content[contentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }

            return Task.CompletedTask;
        });

    private static Type? ElementOfImmutableArray(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>) ? type.GetGenericArguments()[0] : null;

    /// <summary>
    /// Schemas as the JSON really is: ImmutableArray is an array; numbers are numbers (never strings); enums are their
    /// names; a property that may be null may also be absent, since null is neither required in a request nor written
    /// in a response (JsonDefaults).
    /// </summary>
    private static async Task DescribeAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        if (ElementOfImmutableArray(context.JsonTypeInfo.Type) is { } element)
        {
            schema.Type = JsonSchemaType.Array;
            schema.Items = await context.GetOrCreateSchemaAsync(element, null, ct);
        }

        if (schema.Type is { } type && (type & (JsonSchemaType.Number | JsonSchemaType.Integer)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        // A nullable use elsewhere had put null into the shared enum, which made every use nullable; nullable uses say
        // so themselves.
        if (schema.Enum is { Count: > 0 } values && values.All(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.String))
        {
            schema.Enum = [.. values.Where(v => v is not null).Select(v => (JsonNode)v!.DeepClone())];
            schema.Type = JsonSchemaType.String;
        }

        if (schema.Required is { Count: > 0 } required)
        {
            foreach (var property in context.JsonTypeInfo.Properties.Where(p =>
                         p.IsGetNullable || p.IsSetNullable || Nullable.GetUnderlyingType(p.PropertyType) is not null))
            {
                required.Remove(property.Name);
            }
        }
    }

    /// <summary>The security schemes and the problem schemas every operation refers to.</summary>
    private static Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info ??= new OpenApiInfo();
        document.Info.Title = "OcopFairs API";
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

    /// <summary>
    /// An endpoint that answers one of several types with the same status (<c>Results&lt;Ok&lt;A&gt;, Ok&lt;B&gt;&gt;</c>)
    /// was described with the last type only; describe it as one of them.
    /// </summary>
    private static async Task DescribeAlternativeResponsesAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellation)
    {
        var byStatus = context.Description.ActionDescriptor.EndpointMetadata
            .OfType<IProducesResponseTypeMetadata>()
            .Where(m => m.Type is not null && m.Type != typeof(void))
            .GroupBy(m => m.StatusCode)
            .Where(g => g.Select(m => m.Type).Distinct().Count() > 1);
        foreach (var group in byStatus)
        {
            if (operation.Responses?.TryGetValue(group.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) != true
                || response!.Content?.TryGetValue("application/json", out var media) != true)
            {
                continue;
            }

            var oneOf = new List<IOpenApiSchema>();
            foreach (var type in group.Select(m => m.Type!).Distinct())
            {
                var schema = await context.GetOrCreateSchemaAsync(type, null, cancellation);
                oneOf.Add(Reference(context.Document, type, schema));
            }

            media!.Schema = new OpenApiSchema { OneOf = oneOf };
        }
    }

    /// <summary>A reference to the type's component schema (registered under the type's name if it is not yet), not a copy.</summary>
    private static IOpenApiSchema Reference(OpenApiDocument? document, Type type, OpenApiSchema schema)
    {
        if (document is null || type.IsGenericType)
        {
            return schema;
        }

        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas.TryAdd(type.Name, schema);
        return new OpenApiSchemaReference(type.Name, document);
    }

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex RouteValue();
}
