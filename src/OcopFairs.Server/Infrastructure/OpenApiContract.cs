using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OcopFairs.Server.Infrastructure;

/// <summary>
/// Makes <c>/openapi/v1.json</c> say what the server really sends and takes, because the web app's types are
/// generated from it (web/src/api/schema.d.ts, <c>scripts/gen-api.sh</c>). The generator's defaults describe our
/// JSON set-up (<see cref="JsonDefaults"/>) poorly in four ways, each put right here for every endpoint at once.
/// </summary>
public static class OpenApiContract
{
    public static void Configure(OpenApiOptions options)
    {
        // ImmutableArray<T> goes through our own converter, so the generator saw an opaque type: describe it as the
        // JSON array it is, inline like any other list.
        options.CreateSchemaReferenceId = type =>
            ElementOfImmutableArray(type.Type) is null ? OpenApiOptions.CreateDefaultSchemaReferenceId(type) : null;
        options.AddSchemaTransformer(DescribeSchemaAsync);
        options.AddOperationTransformer(DescribeAlternativeResponsesAsync);
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

    private static async Task DescribeSchemaAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellation)
    {
        if (ElementOfImmutableArray(context.JsonTypeInfo.Type) is { } element)
        {
            schema.Type = JsonSchemaType.Array;
            schema.Items = await context.GetOrCreateSchemaAsync(element, null, cancellation);
        }

        // The web defaults read numbers from strings too, so every number was "number or string"; we always write
        // numbers, and that is what a client should send.
        if (schema.Type is { } type && (type & (JsonSchemaType.Number | JsonSchemaType.Integer)) != 0 && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        // Enums are written as strings (JsonStringEnumConverter); a nullable use elsewhere had put null into the
        // shared enum, which made every use nullable. Nullable uses say so themselves (oneOf null).
        if (schema.Enum is { Count: > 0 } values && values.All(v => v is null || v.GetValueKind() == System.Text.Json.JsonValueKind.String))
        {
            schema.Enum = [.. values.Where(v => v is not null).Select(v => (JsonNode)v!.DeepClone())];
            schema.Type = JsonSchemaType.String;
        }

        // Nulls are not written (WhenWritingNull) and an absent property binds to null, so a nullable property is
        // an optional one.
        if (schema.Required is { Count: > 0 } required)
        {
            foreach (var property in context.JsonTypeInfo.Properties)
            {
                if (property.IsGetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null)
                {
                    required.Remove(property.Name);
                }
            }
        }
    }

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
}
