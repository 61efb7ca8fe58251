using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Infrastructure;
using OcopFairs.Server.Security;

namespace OcopFairs.Server.Identity;

public sealed record RegisterRequest(string Email, string Password, string Role, string DisplayName, string? Locale) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (Role is not (Roles.Producer or Roles.Buyer)) errors.Add("role", "invalidRole");
        AuthApi.ValidateAccount(errors, Email, Password, DisplayName, Locale);
    }
}

public sealed record CreateUserRequest(string Email, string Password, string Role, string DisplayName, string? Locale) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (!Roles.All.Contains(Role)) errors.Add("role", "invalidRole");
        AuthApi.ValidateAccount(errors, Email, Password, DisplayName, Locale);
    }
}

/// <summary>Blank credentials are a failed sign-in (401); only what could never be an account is refused (400).</summary>
public sealed record LoginRequest(string Email, string Password) : IValidatable
{
    public void Validate(Errors errors)
    {
        errors.Text("email", Email, CatalogRules.MaxEmailLength);
        if (Password is { Length: > AuthApi.MaxPasswordLength }) errors.Add("password", "tooLong");
    }
}

public sealed record RefreshRequest(string RefreshToken) : IValidatable
{
    public void Validate(Errors errors)
    {
        if (RefreshToken is { Length: > AuthApi.MaxTokenLength }) errors.Add("refreshToken", "tooLong");
    }
}

public sealed record MeResponse(string UserId, string Email, IReadOnlyList<string> Roles, string DisplayName, string Locale, string? ProducerId, string? BuyerId);

public sealed record UserCreated(string UserId, string Email, IReadOnlyList<string> Roles);

/// <summary>What a new password must have: Identity's configured options, so a sign-up form checks what the server checks.</summary>
public sealed record PasswordRulesResponse(
    int RequiredLength, int MaxLength, bool RequireDigit, bool RequireLowercase, bool RequireUppercase, bool RequireNonAlphanumeric, int RequiredUniqueChars);

/// <summary>An account as the admin's list shows it.</summary>
public sealed record UserSummary(string UserId, string Email, string DisplayName, IReadOnlyList<string> Roles, string Locale);

/// <summary>Accounts: register, sign in with a bearer token or a cookie, refresh, sign out, who am I, and admin-made accounts.</summary>
public static class AuthApi
{
    public const int MaxDisplayNameLength = 200;

    /// <summary>Hashing a password costs time by its length; no one types more.</summary>
    public const int MaxPasswordLength = 256;

    public const int MaxTokenLength = 8192;

    /// <summary>What every new account needs: an e-mail address, a password, a display name, and vi or en if a locale.</summary>
    internal static void ValidateAccount(Errors errors, string? email, string? password, string? displayName, string? locale)
    {
        if (string.IsNullOrWhiteSpace(email) || !CatalogRules.IsEmail(email.Trim())) errors.Add("email", "invalidEmail");
        if (string.IsNullOrWhiteSpace(password)) errors.Add("password", "required");
        else if (password.Length > MaxPasswordLength) errors.Add("password", "tooLong");
        errors.Text("displayName", displayName, MaxDisplayNameLength, required: true);
        if (locale is not (null or "vi" or "en")) errors.Add("locale", "invalidLocale");
    }

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Accounts");
        auth.MapPost("/register", RegisterAsync).AllowAnonymous().RequireRateLimiting(SecurityFeature.RegistrationPolicy);
        auth.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(SecurityFeature.SignInPolicy);
        auth.MapPost("/refresh", RefreshAsync).AllowAnonymous().RequireRateLimiting(SecurityFeature.SignInPolicy);
        auth.MapPost("/logout", LogoutAsync).RequireAuthorization();
        auth.MapGet("/password-rules", PasswordRules).AllowAnonymous();

        app.MapGet("/api/me", MeAsync).RequireAuthorization().WithTags("Accounts");
        app.MapPost("/api/admin/users", CreateUserAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Accounts");
        app.MapGet("/api/admin/users", ListUsersAsync).RequireAuthorization(p => p.RequireRole(Roles.Admin)).WithTags("Accounts");
        return app;
    }

    /// <summary>Identity's own error codes for a weak password, and ours (ErrorText) for each: one message per unmet rule.</summary>
    private static readonly Dictionary<string, string> PasswordCodes = new(StringComparer.Ordinal)
    {
        ["PasswordTooShort"] = "password.tooShort",
        ["PasswordRequiresDigit"] = "password.requiresDigit",
        ["PasswordRequiresLower"] = "password.requiresLower",
        ["PasswordRequiresUpper"] = "password.requiresUpper",
        ["PasswordRequiresNonAlphanumeric"] = "password.requiresNonAlphanumeric",
        ["PasswordRequiresUniqueChars"] = "password.requiresUniqueChars",
    };

    /// <summary>Most accounts an admin's list answers, the organisers and admins first.</summary>
    public const int MaxUsersListed = 500;

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    private static Task<Results<Ok<UserCreated>, ValidationProblem>> RegisterAsync(RegisterRequest request, UserManager<AppUser> users) =>
        CreateAsync(users, request.Email, request.Password, request.Role, request.DisplayName, request.Locale);

    private static Task<Results<Ok<UserCreated>, ValidationProblem>> CreateUserAsync(CreateUserRequest request, UserManager<AppUser> users) =>
        CreateAsync(users, request.Email, request.Password, request.Role, request.DisplayName, request.Locale);

    /// <summary>
    /// Creates an account with one role, from a request that passed <see cref="ValidateAccount"/>; producer and buyer
    /// accounts get the id of the profile they own.
    /// </summary>
    internal static async Task<Results<Ok<UserCreated>, ValidationProblem>> CreateAsync(
        UserManager<AppUser> users, string email, string password, string role, string displayName, string? locale)
    {
        var user = new AppUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = Domain.VietnameseText.Normalize(displayName),
            Locale = locale ?? "vi",
        };
        var id = Guid.CreateVersion7().ToString("N");
        if (role == Roles.Producer) user.ProducerId = "p-" + id;
        if (role == Roles.Buyer) user.BuyerId = "b-" + id;

        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            var duplicate = created.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail");
            if (duplicate)
            {
                return Problems.Validation(new Dictionary<string, string[]> { ["email"] = ["emailTaken"] });
            }

            string[] unmet = [.. created.Errors.Select(e => PasswordCodes.GetValueOrDefault(e.Code, "invalidPassword")).Distinct()];
            return Problems.Validation(new Dictionary<string, string[]> { ["password"] = unmet.Length == 0 ? ["invalidPassword"] : unmet });
        }

        await users.AddToRoleAsync(user, role);
        return TypedResults.Ok(new UserCreated(user.Id, user.Email, [role]));
    }

    /// <summary>
    /// Signs in. With <c>useCookies=true</c> the answer sets the cookie the web app uses; otherwise the bearer handler
    /// writes <c>{tokenType, accessToken, expiresIn, refreshToken}</c>. A client locked out of the account (too many
    /// wrong passwords from it, see <see cref="SignInThrottle"/>) gets 429 <c>account.locked</c> with the lock's end,
    /// before its password is checked.
    /// </summary>
    private static async Task<Results<EmptyHttpResult, ProblemHttpResult>> LoginAsync(
        LoginRequest request, bool? useCookies, HttpContext http, SignInManager<AppUser> signIn, SignInThrottle throttle)
    {
        signIn.AuthenticationScheme = useCookies == true ? IdentityConstants.ApplicationScheme : IdentityConstants.BearerScheme;
        if (string.IsNullOrEmpty(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return Problems.Of(StatusCodes.Status401Unauthorized, "badCredentials");
        }

        var users = signIn.UserManager;
        var email = request.Email.Trim();
        var client = throttle.Identify(http, users.NormalizeName(email));
        if (await throttle.LockedUntilAsync(client) is { } locked)
        {
            return throttle.Locked(http, locked);
        }

        var user = await users.FindByNameAsync(email);
        var result = user is null ? SignInResult.Failed : await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: false);
        if (result.IsLockedOut && await users.GetLockoutEndDateAsync(user!) is { } lockoutEnd)
        {
            return throttle.Locked(http, lockoutEnd);
        }

        if (!result.Succeeded)
        {
            return await throttle.FailedAsync(client) is { } lockedNow
                ? throttle.Locked(http, lockedNow)
                : Problems.Of(StatusCodes.Status401Unauthorized, "badCredentials");
        }

        // Before signing in: the bearer handler writes the token as the body, after which no cookie can be set.
        await throttle.SucceededAsync(client, http.Response);
        await signIn.SignInWithClaimsAsync(user!, isPersistent: useCookies == true, [new Claim("amr", "pwd")]);
        return TypedResults.Empty;
    }

    private static async Task<Results<SignInHttpResult, ChallengeHttpResult>> RefreshAsync(
        RefreshRequest request,
        SignInManager<AppUser> signIn,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        TimeProvider clock)
    {
        var protector = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector;
        var ticket = string.IsNullOrEmpty(request.RefreshToken) ? null : protector.Unprotect(request.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires
            || clock.GetUtcNow() >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not AppUser user)
        {
            return TypedResults.Challenge();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    /// <summary>Ends the cookie session and rotates the security stamp, which voids outstanding refresh tokens.</summary>
    private static async Task<Ok> LogoutAsync(ClaimsPrincipal principal, SignInManager<AppUser> signIn, UserManager<AppUser> users)
    {
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return TypedResults.Ok();
    }

    private static Ok<PasswordRulesResponse> PasswordRules(IOptions<IdentityOptions> identity)
    {
        var p = identity.Value.Password;
        return TypedResults.Ok(new PasswordRulesResponse(
            p.RequiredLength, MaxPasswordLength, p.RequireDigit, p.RequireLowercase, p.RequireUppercase, p.RequireNonAlphanumeric, p.RequiredUniqueChars));
    }

    /// <summary>Every account (at most <see cref="MaxUsersListed"/>) with its roles: admins and organisers first, then by e-mail.</summary>
    private static async Task<Ok<UserSummary[]>> ListUsersAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await (
            from u in db.Users
            join ur in db.UserRoles on u.Id equals ur.UserId into userRoles
            from ur in userRoles.DefaultIfEmpty()
            join r in db.Roles on ur.RoleId equals r.Id into roles
            from r in roles.DefaultIfEmpty()
            select new { u.Id, u.Email, u.DisplayName, u.Locale, Role = r == null ? null : r.Name })
            .AsNoTracking()
            .ToListAsync(ct);
        static int Rank(IReadOnlyList<string> roles) =>
            roles.Contains(Roles.Admin) ? 0 : roles.Contains(Roles.Organiser) ? 1 : 2;
        var users = rows
            .GroupBy(x => x.Id)
            .Select(g => new UserSummary(
                g.Key, g.First().Email ?? string.Empty, g.First().DisplayName, [.. g.Select(x => x.Role).OfType<string>().Order(StringComparer.Ordinal)], g.First().Locale))
            .OrderBy(u => Rank(u.Roles))
            .ThenBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .Take(MaxUsersListed)
            .ToArray();
        return TypedResults.Ok(users);
    }

    private static async Task<Results<Ok<MeResponse>, UnauthorizedHttpResult>> MeAsync(ClaimsPrincipal principal, UserManager<AppUser> users)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return TypedResults.Unauthorized();
        }

        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeResponse(user.Id, user.Email!, [.. roles], user.DisplayName, user.Locale, user.ProducerId, user.BuyerId));
    }
}
