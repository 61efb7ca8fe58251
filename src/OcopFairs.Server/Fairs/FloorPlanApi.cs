using Microsoft.AspNetCore.Http.HttpResults;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Fairs;

/// <summary>The organiser's floor plan: replace it (JSON or CSV), generate a grid, export it as CSV.</summary>
public static class FloorPlanApi
{
    /// <summary>A JSON plan of <see cref="FloorPlans.MaxBooths"/> booths, written out in full, fits with room to spare.</summary>
    public const long MaxPlanBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapFloorPlanApi(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup("/api/fairs/{fairId}").WithTags("Floor plan");
        var organiser = new[] { Roles.Organiser, Roles.Admin };
        plan.MapPut("/floor-plan", SetFloorPlanAsync).RequireAuthorization(p => p.RequireRole(organiser)).ForFairOrganiser()
            .Accepts<FloorPlanRequest>("application/json", "text/csv").AcceptsText("text/csv")
            .Produces<FloorView>()
            .WithMetadata(new Validation.BodyLimit(MaxPlanBytes));
        plan.MapPost("/floor-plan/grid", GenerateGridAsync).RequireAuthorization(p => p.RequireRole(organiser)).ForFairOrganiser();
        plan.MapGet("/floor-plan.csv", ExportCsvAsync).AllowAnonymous().ForFair();
        return app;
    }

    /// <summary>
    /// Replaces the plan from JSON <c>{zones, booths}</c>, or from CSV booths (<c>Content-Type: text/csv</c>) placed in
    /// the zones the plan already has. The body is read here, not bound, because it comes in either form; it is
    /// validated as a bound body is.
    /// </summary>
    private static async Task<IResult> SetFloorPlanAsync([AsParameters] FairCall call)
    {
        var http = call.Http.Request;
        FloorPlanRequest request;
        if (http.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
        {
            if (http.ContentLength > FloorPlanCsv.MaxBytes)
            {
                return Problems.Of(StatusCodes.Status413PayloadTooLarge, "tooLong");
            }

            using var reader = new StreamReader(http.Body);
            var buffer = new char[FloorPlanCsv.MaxBytes + 1];
            var read = await reader.ReadBlockAsync(buffer);
            if (read > FloorPlanCsv.MaxBytes)
            {
                return Problems.Of(StatusCodes.Status413PayloadTooLarge, "tooLong");
            }

            var (booths, csvErrors) = FloorPlanCsv.Read(new string(buffer, 0, read));
            if (csvErrors.Count > 0)
            {
                return Problems.Validation(csvErrors);
            }

            var current = await call.FairGrain.GetFloorAsync();
            request = new FloorPlanRequest([.. current.Zones.Select(z => new ZoneRequest(z.Code, z.Name, [.. z.Groups], z.NameEn))], [.. booths]);
            if (Validation.Check(request) is { Count: > 0 } errors)
            {
                return Problems.Validation(errors);
            }
        }
        else
        {
            var (body, refusal) = await Validation.ReadJsonAsync<FloorPlanRequest>(http);
            if (refusal is not null)
            {
                return refusal;
            }

            request = body!;
        }

        return TypedResults.Ok(await call.FairGrain.SetFloorPlanAsync(request.ToPlan()));
    }

    private static async Task<Ok<FloorView>> GenerateGridAsync(GridRequest request, [AsParameters] FairCall call) =>
        TypedResults.Ok(await call.FairGrain.SetFloorPlanAsync(request.ToPlan()));

    private static async Task<FileContentHttpResult> ExportCsvAsync([AsParameters] FairCall call)
    {
        var csv = FloorPlanCsv.Write(await call.FairGrain.GetFloorAsync());
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"floor-plan-{call.FairId}.csv");
    }
}
