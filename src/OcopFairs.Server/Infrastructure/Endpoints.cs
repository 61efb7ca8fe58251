using System.Security.Claims;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Identity;

namespace OcopFairs.Server.Infrastructure;

/// <summary>
/// The checks every feature's endpoints share, as endpoint filters: ids in the route are well-formed, the fair exists,
/// the caller runs it. A handler behind them starts from facts that hold; the filters answer the problem otherwise.
/// Each moves the endpoint's input validation after itself, so a caller who may not act is told that, not what is
/// wrong with the body.
/// </summary>
public static class Endpoints
{
    private const string FairItem = "ocop.fair";

    /// <summary>Ids are short URL-safe strings; anything else cannot name a grain of ours.</summary>
    public static bool IsId(string? id) => FieldRules.IsId(id);

    /// <summary>
    /// Every route value named <c>…Id</c> or <c>…Code</c> must be an id; otherwise the answer is 404 with the code of
    /// what it names (<c>fairId</c> → <c>fair.notFound</c>, <c>boothCode</c> → <c>booth.notFound</c>).
    /// </summary>
    public static TBuilder WithValidIds<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(static async (context, next) =>
        {
            foreach (var (name, value) in context.HttpContext.Request.RouteValues)
            {
                if (NotFoundCode(name) is { } code && !IsId(value as string))
                {
                    return Problems.NotFound(code);
                }
            }

            return await next(context);
        }).ValidatesInput();

    /// <summary>
    /// The fair of the route must exist and the caller may see it (404 <c>fair.notFound</c>: a Draft fair exists only
    /// for its organiser and admins); handlers read it with <see cref="Fair"/>.
    /// </summary>
    public static TBuilder ForFair<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithValidIds().AddEndpointFilter(static async (context, next) =>
        {
            var http = context.HttpContext;
            return await LoadFairAsync(http) is { } fair && http.User.SeesFair(fair) ? await next(context) : Problems.NotFound("fair.notFound");
        }).ValidatesInput();

    /// <summary>As <see cref="ForFair{TBuilder}"/>, and the caller runs the fair: its organiser or an Admin (else 403).</summary>
    public static TBuilder ForFairOrganiser<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithValidIds().AddEndpointFilter(static async (context, next) =>
        {
            var http = context.HttpContext;
            if (await LoadFairAsync(http) is not { } fair || !http.User.SeesFair(fair))
            {
                return Problems.NotFound("fair.notFound");
            }

            return RunsFair(http.User, fair) ? await next(context) : Problems.Forbidden();
        }).ValidatesInput();

    /// <summary>The fair the <see cref="ForFair{TBuilder}"/> filter loaded for this request.</summary>
    public static FairView Fair(this HttpContext http) =>
        http.Items[FairItem] as FairView ?? throw new InvalidOperationException("The endpoint has no ForFair filter.");

    /// <summary>Whether the caller runs the fair: its organiser, or an Admin.</summary>
    public static bool RunsFair(this ClaimsPrincipal user, FairView fair) =>
        user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.Organiser) && fair.OrganiserId == user.UserId());

    /// <summary>Whether the caller may see the fair at all: a Draft fair only those who run it.</summary>
    public static bool SeesFair(this ClaimsPrincipal user, FairView fair) => fair.Status != FairStatus.Draft || user.RunsFair(fair);

    private static async Task<FairView?> LoadFairAsync(HttpContext http)
    {
        if (http.Request.RouteValues["fairId"] is not string fairId)
        {
            throw new InvalidOperationException("ForFair needs a {fairId} route value.");
        }

        var fair = await http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IFairGrain>(fairId).GetAsync();
        http.Items[FairItem] = fair;
        return fair;
    }

    private static string? NotFoundCode(string routeValue) =>
        routeValue.EndsWith("Id", StringComparison.Ordinal) ? routeValue[..^2] + ".notFound"
        : routeValue.EndsWith("Code", StringComparison.Ordinal) ? routeValue[..^4] + ".notFound"
        : null;
}

/// <summary>
/// What a handler on one fair has to hand: the fair's id from the route (bound here so the API description names the
/// path parameter), the fair (loaded by the filter), the caller and the grains.
/// </summary>
public readonly record struct FairCall(string FairId, HttpContext Http, ClaimsPrincipal User, IGrainFactory Grains)
{
    public FairView Fair => Http.Fair();

    public IFairGrain FairGrain => Grains.GetGrain<IFairGrain>(FairId);
}
