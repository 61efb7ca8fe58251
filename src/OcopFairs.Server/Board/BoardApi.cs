using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OcopFairs.Abstractions;
using OcopFairs.Server.Fairs;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Board;

/// <summary><c>GET /api/fairs/{fairId}/board</c>: public for fairs past Draft, as the fair's other public reads.</summary>
public static class BoardApi
{
    public static IEndpointRouteBuilder MapBoardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/fairs/{fairId}/board", GetAsync).AllowAnonymous().WithTags("Board")
            .WithSummary("The fair's live results board")
            .WithDescription("Signed and active deals by kind, value (VND), tonnes and other units, by product group, district, buyer kind and market; meetings and booths. Pushed live as BoardChanged (and DealSigned per signing) on the fair's stream, at the fair version the board carries.");
        return app;
    }

    private static async Task<Results<Ok<FairBoard>, ProblemHttpResult>> GetAsync(
        string fairId, ClaimsPrincipal user, IGrainFactory grains, FairVisibility visibility)
    {
        if (!Endpoints.IsId(fairId) || !await visibility.CanSeeAsync(user, fairId))
        {
            return Problems.NotFound("fair.notFound");
        }

        return TypedResults.Ok(await grains.GetGrain<IFairBoardGrain>(fairId).GetAsync());
    }

    /// <summary>The board's meeting figures from counts by status.</summary>
    public static BoardMeetings Meetings(IReadOnlyDictionary<MeetingStatus, int> counts) => new(
        counts.GetValueOrDefault(MeetingStatus.Requested),
        counts.GetValueOrDefault(MeetingStatus.Accepted),
        counts.GetValueOrDefault(MeetingStatus.Held),
        counts.GetValueOrDefault(MeetingStatus.NoShow));
}
