using System.Collections.Immutable;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Grains;
using OcopFairs.Server.Fairs;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Applications;

public sealed record ApplyRequest(string[]? ProductIds, BoothPreferences? BoothPreferences, BoothNeeds? Needs, string? Note) : IValidatable
{
    public void Validate(Errors errors) => errors.AddAll(ApplicationRules.Validate(ToRequest()));

    /// <summary>The request as the exhibitor grain takes it: blank ids dropped, each id once.</summary>
    public ApplicationRequest ToRequest() =>
        new([.. (ProductIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Distinct()], BoothPreferences, Needs, Note);
}

public sealed record ReasonResponse(string Code, string Message, string? ProductId);

public sealed record EligibilityResponse(bool Eligible, IReadOnlyList<ReasonResponse> Reasons)
{
    public static EligibilityResponse From(Eligibility e, CultureInfo culture) =>
        new(e.Eligible, [.. e.Reasons.Select(r => new ReasonResponse(r.Code, ErrorText.Get("eligibility." + r.Code, culture), r.ProductId))]);
}

public sealed record ApplicationResponse(
    string ApplicationId, string FairId, string ProducerId, string ProducerName, string District, ApplicationStatus Status,
    IReadOnlyList<string> ProductIds, IReadOnlyList<AppliedProduct> Products, BoothPreferences? BoothPreferences, BoothNeeds? Needs,
    string? Note, EligibilityResponse Eligibility, string? RejectionReason, int? WaitlistPosition,
    DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, CertificateState CertificateState)
{
    public static ApplicationResponse From(ApplicationView a, int? position, DateOnly today)
    {
        var earliest = a.Products.IsDefaultOrEmpty ? DateOnly.MaxValue : a.Products.Min(p => p.CertificateExpiresOn);
        return new ApplicationResponse(
            a.ApplicationId, a.FairId, a.ProducerId, a.ProducerName, a.District, a.Status,
            [.. a.Products.Select(p => p.ProductId)], a.Products, a.BoothPreferences, a.Needs, a.Note,
            EligibilityResponse.From(a.Eligibility, CultureInfo.CurrentUICulture), a.RejectionReason,
            a.Status == ApplicationStatus.Waitlisted ? position : null, a.SubmittedAt, a.DecidedAt,
            CatalogRules.StateOn(earliest, today));
    }
}

public sealed record RejectRequest(string? Reason) : IValidatable
{
    public void Validate(Errors errors) => errors.AddAll(ApplicationRules.ValidateReason(Reason));
}

public sealed record BulkRequest(string? Action, string[]? ApplicationIds, string? Reason) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (Action is not ("approve" or "reject" or "waitlist")) errors.Add("action", "invalidAction");
        if (ApplicationIds is not { Length: > 0 and <= ApplicationsApi.MaxBulk }) errors.Add("applicationIds", "outOfRange");
        if (Action == "reject" && string.IsNullOrWhiteSpace(Reason)) errors.Add("reason", "required");
        errors.AddAll(ApplicationRules.ValidateReason(Reason));
    }
}

public sealed record BulkResult(string ApplicationId, bool Ok, ApplicationStatus? Status, string? Error);

public sealed record BulkResponse(IReadOnlyList<BulkResult> Results);

/// <summary>Applications to exhibit: eligibility, review, waitlist, withdrawal.</summary>
public static class ApplicationsApi
{
    public const int MaxBulk = 500;

    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        const string path = "/api/fairs/{fairId}/applications";
        var producer = app.MapGroup(path).WithTags("Applications").RequireAuthorization(p => p.RequireRole(Roles.Producer)).WithValidIds();
        producer.MapPost("/check", CheckAsync);
        producer.MapPost("/", SubmitAsync);

        var readers = app.MapGroup(path).WithTags("Applications").RequireAuthorization().ForFair();
        readers.MapGet("/", ListAsync);
        readers.MapGet("/{applicationId}", GetAsync);
        readers.MapPost("/{applicationId}/withdraw", WithdrawAsync).RequireAuthorization(p => p.RequireRole(Roles.Producer));

        var reviewer = app.MapGroup(path).WithTags("Applications").RequireAuthorization(p => p.RequireRole(Roles.Organiser, Roles.Admin)).ForFairOrganiser();
        reviewer.MapPost("/{applicationId}/approve", (string applicationId, [AsParameters] ReviewCall call) => DecideAsync(applicationId, call, g => g.ApproveAsync()));
        reviewer.MapPost("/{applicationId}/waitlist", (string applicationId, [AsParameters] ReviewCall call) => DecideAsync(applicationId, call, g => g.WaitlistAsync()));
        reviewer.MapPost("/{applicationId}/reject", (string applicationId, RejectRequest request, [AsParameters] ReviewCall call) =>
            DecideAsync(applicationId, call, g => g.RejectAsync(request.Reason ?? string.Empty)));
        reviewer.MapPost("/bulk", BulkAsync);

        app.MapGet("/api/me/applications", MineAsync).WithTags("Applications").RequireAuthorization(p => p.RequireRole(Roles.Producer));
        return app;
    }

    /// <summary>A call on the applications of one fair: the fair and caller (<see cref="FairCall"/>), the queue and the clock.</summary>
    private readonly record struct ReviewCall(string FairId, HttpContext Http, ClaimsPrincipal User, IGrainFactory Grains, ApplicationQueue Queue, TimeProvider Clock)
    {
        public FairView Fair => Http.Fair();

        public DateOnly Today => ApplicationsApi.Today(Clock);
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task<Results<Ok<EligibilityResponse>, ValidationProblem, ProblemHttpResult>> CheckAsync(
        string fairId, ApplyRequest request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (Exhibitor(fairId, user, grains) is not { } grain) return Problems.Forbidden();
        var eligibility = await grain.CheckAsync(request.ToRequest());
        return TypedResults.Ok(EligibilityResponse.From(eligibility, CultureInfo.CurrentUICulture));
    }

    private static async Task<Results<Created<ApplicationResponse>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        string fairId, ApplyRequest request, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (Exhibitor(fairId, user, grains) is not { } grain) return Problems.Forbidden();
        var view = await grain.SubmitAsync(request.ToRequest());
        return TypedResults.Created($"/api/fairs/{fairId}/applications/{view.ApplicationId}", ApplicationResponse.From(view, null, Today(clock)));
    }

    private static async Task<Results<Ok<ApplicationResponse[]>, ProblemHttpResult>> ListAsync(
        ApplicationStatus? status, string? district, ProductGroup? group, int? minStars, CertificateState? certificate, [AsParameters] ReviewCall call)
    {
        string? producerId = null;
        if (!call.User.RunsFair(call.Fair))
        {
            producerId = call.User.ProducerId();
            if (producerId is null) return Problems.Forbidden();
        }

        var entries = await call.Queue.ListAsync(call.Fair.FairId, new QueueFilter(status, district, group, minStars, certificate, producerId));
        var today = call.Today;
        return TypedResults.Ok(entries.Select(e => ApplicationResponse.From(e.Application, e.WaitlistPosition, today)).ToArray());
    }

    private static async Task<Ok<ApplicationResponse[]>> MineAsync(ClaimsPrincipal user, ApplicationQueue queue, TimeProvider clock)
    {
        var entries = await queue.ListAsync(null, new QueueFilter(null, null, null, null, null, user.ProducerId() ?? "-"));
        return TypedResults.Ok(entries.Select(e => ApplicationResponse.From(e.Application, e.WaitlistPosition, Today(clock))).ToArray());
    }

    private static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> GetAsync(string applicationId, [AsParameters] ReviewCall call)
    {
        var (grain, problem) = await FindAsync(applicationId, call, ownerOnly: false);
        if (grain is null) return problem!;
        var view = await grain.GetAsync();
        return view is not null && view.ApplicationId == applicationId
            ? TypedResults.Ok(ApplicationResponse.From(view, null, call.Today))
            : Problems.NotFound("application.notFound");
    }

    private static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> WithdrawAsync(string applicationId, [AsParameters] ReviewCall call)
    {
        var (grain, problem) = await FindAsync(applicationId, call, ownerOnly: true);
        if (grain is null) return problem!;
        return TypedResults.Ok(ApplicationResponse.From(await grain.WithdrawAsync(), null, call.Today));
    }

    private static async Task<Results<Ok<ApplicationResponse>, ProblemHttpResult>> DecideAsync(
        string applicationId, ReviewCall call, Func<IExhibitorGrain, Task<ApplicationView>> decide)
    {
        var (grain, problem) = await FindAsync(applicationId, call, ownerOnly: false);
        if (grain is null) return problem!;
        return TypedResults.Ok(ApplicationResponse.From(await decide(grain), null, call.Today));
    }

    private static async Task<Results<Ok<BulkResponse>, ValidationProblem>> BulkAsync(BulkRequest request, [AsParameters] ReviewCall call)
    {
        var results = new List<BulkResult>();
        foreach (var id in request.ApplicationIds!.Distinct())
        {
            var (grain, _) = Endpoints.IsId(id) ? await FindAsync(id, call, ownerOnly: false) : (null, null);
            if (grain is null)
            {
                results.Add(new BulkResult(id, false, null, "application.notFound"));
                continue;
            }

            try
            {
                var view = request.Action switch
                {
                    "approve" => await grain.ApproveAsync(),
                    "waitlist" => await grain.WaitlistAsync(),
                    _ => await grain.RejectAsync(request.Reason!),
                };
                results.Add(new BulkResult(id, true, view.Status, null));
            }
            catch (DomainException ex)
            {
                results.Add(new BulkResult(id, false, null, ex.Code));
            }
        }

        return TypedResults.Ok(new BulkResponse(results));
    }

    private static IExhibitorGrain? Exhibitor(string fairId, ClaimsPrincipal user, IGrainFactory grains) =>
        user.ProducerId() is { } producerId ? grains.GetGrain<IExhibitorGrain>(ExhibitorGrain.Key(fairId, producerId)) : null;

    /// <summary>
    /// The exhibitor grain behind an application of the fair the caller may see (its producer, or whoever runs the
    /// fair) or, with <paramref name="ownerOnly"/>, act on as its producer; or the problem to answer.
    /// </summary>
    private static async Task<(IExhibitorGrain? Grain, ProblemHttpResult? Problem)> FindAsync(string applicationId, ReviewCall call, bool ownerOnly)
    {
        var fairId = call.Fair.FairId;
        if (await call.Queue.ProducerOfAsync(fairId, applicationId) is not { } producerId)
        {
            return (null, Problems.NotFound("application.notFound"));
        }

        var isOwner = call.User.ProducerId() == producerId;
        if (!(isOwner || (!ownerOnly && call.User.RunsFair(call.Fair))))
        {
            return (null, Problems.Forbidden());
        }

        var grain = call.Grains.GetGrain<IExhibitorGrain>(ExhibitorGrain.Key(fairId, producerId));
        var current = await grain.GetAsync();
        return current?.ApplicationId == applicationId
            ? (grain, null)
            : (null, Problems.Of(StatusCodes.Status409Conflict, "application.superseded"));
    }
}
