using OcopFairs.Grains;

namespace OcopFairs.Server.Board;

/// <summary>
/// The fair's live results board: signed deals by kind, value, tonnes and the buckets provinces report, meetings held
/// and booths occupied. Kept by each fair's <see cref="FairBoardGrain"/>, rebuilt from <c>app.deals</c>, pushed on the
/// fair's stream (BoardChanged, DealSigned) and read at <c>GET /api/fairs/{fairId}/board</c>.
/// </summary>
public static class BoardFeature
{
    public static WebApplicationBuilder AddBoard(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<BoardOptions>(builder.Configuration.GetSection("Board"));
        builder.Services.AddSingleton<IBoardSource, BoardSource>();
        return builder;
    }

    public static IEndpointRouteBuilder MapBoard(this IEndpointRouteBuilder app) => app.MapBoardApi();
}
