using Microsoft.AspNetCore.Http.HttpResults;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Fairs;

/// <summary>The organiser's floor plan: replace it (JSON or CSV), generate a grid, export it as CSV.</summary>
public static class FloorPlanApi
{
    public static IEndpointRouteBuilder MapFloorPlanApi(this IEndpointRouteBuilder app)
    {
        var plan = app.MapGroup("/api/fairs/{fairId}").WithTags("Floor plan");
        var organiser = new[] { Roles.Organiser, Roles.Admin };
        plan.MapPut("/floor-plan", SetFloorPlanAsync).RequireAuthorization(p => p.RequireRole(organiser)).ForFairOrganiser()
            .Accepts<FloorPlanRequest>("application/json", "text/csv").AcceptsText("text/csv");
        plan.MapPost("/floor-plan/grid", GenerateGridAsync).RequireAuthorization(p => p.RequireRole(organiser)).ForFairOrganiser();
        plan.MapGet("/floor-plan.csv", ExportCsvAsync).AllowAnonymous().ForFair();
        return app;
    }

    /// <summary>
    /// Replaces the plan from JSON <c>{zones, booths}</c>, or from CSV booths (<c>Content-Type: text/csv</c>) placed in
    /// the zones the plan already has.
    /// </summary>
    private static async Task<Results<Ok<FloorView>, ValidationProblem, ProblemHttpResult>> SetFloorPlanAsync([AsParameters] FairCall call)
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
            request = new FloorPlanRequest([.. current.Zones.Select(z => new ZoneRequest(z.Code, z.Name, [.. z.Groups]))], [.. booths]);
        }
        else
        {
            request = await http.ReadFromJsonAsync<FloorPlanRequest>() ?? new FloorPlanRequest(null, null);
        }

        var plan = new FloorPlan(
            [.. (request.Zones ?? []).Select(z => new Zone(z.Code ?? string.Empty, VietnameseText.Normalize(z.Name ?? z.Code), [.. z.Groups ?? []]))],
            [.. (request.Booths ?? []).Select(b => new BoothSpec(
                b.Code ?? string.Empty, b.Zone ?? string.Empty, b.Type ?? BoothType.Standard, b.AreaM2 ?? 9, b.PriceVnd ?? 0,
                b.X ?? 0, b.Y ?? 0, b.W ?? 3, b.H ?? 3, [.. b.Amenities ?? []]))]);
        var errors = FloorPlans.Validate(plan);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        return TypedResults.Ok(await call.FairGrain.SetFloorPlanAsync(plan));
    }

    private static async Task<Results<Ok<FloorView>, ValidationProblem>> GenerateGridAsync(GridRequest request, [AsParameters] FairCall call)
    {
        var errors = new Dictionary<string, string[]>();
        var zones = request.Zones ?? [];
        if (zones.Length == 0) errors["zones"] = ["required"];
        for (var i = 0; i < zones.Length; i++)
        {
            if (zones[i].Booths is not (>= 1 and <= 1000)) errors[$"zones[{i}].booths"] = ["outOfRange"];
        }

        if (request.PerRow is < 1 or > 100) errors["perRow"] = ["outOfRange"];
        if (request.BoothWidth is <= 0 or > 50) errors["boothWidth"] = ["outOfRange"];
        if (request.BoothDepth is <= 0 or > 50) errors["boothDepth"] = ["outOfRange"];
        if (request.PriceVnd is < 0) errors["priceVnd"] = ["negative"];
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var plan = FloorPlans.Grid(
            [.. zones.Select(z => (new Zone(z.Code ?? string.Empty, VietnameseText.Normalize(z.Name ?? z.Code), [.. z.Groups ?? []]), z.Booths!.Value))],
            request.PerRow ?? 10,
            request.BoothWidth ?? 3,
            request.BoothDepth ?? 3,
            request.PriceVnd ?? 2_000_000);
        var planErrors = FloorPlans.Validate(plan);
        if (planErrors.Count > 0)
        {
            return Problems.Validation(planErrors);
        }

        return TypedResults.Ok(await call.FairGrain.SetFloorPlanAsync(plan));
    }

    private static async Task<FileContentHttpResult> ExportCsvAsync([AsParameters] FairCall call)
    {
        var csv = FloorPlanCsv.Write(await call.FairGrain.GetFloorAsync());
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"floor-plan-{call.FairId}.csv");
    }
}
