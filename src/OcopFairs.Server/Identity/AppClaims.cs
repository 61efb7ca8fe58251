using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OcopFairs.Server.Identity;

/// <summary>Puts the ids of the profiles an account owns into its sign-in, so ownership checks need no database read.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string ProducerClaim = "ocop:producer";
    public const string BuyerClaim = "ocop:buyer";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.ProducerId is { } producerId) identity.AddClaim(new Claim(ProducerClaim, producerId));
        if (user.BuyerId is { } buyerId) identity.AddClaim(new Claim(BuyerClaim, buyerId));
        return identity;
    }
}

public static class ClaimsExtensions
{
    public static string? ProducerId(this ClaimsPrincipal user) => user.FindFirstValue(AppClaimsFactory.ProducerClaim);

    public static bool IsOrganiser(this ClaimsPrincipal user) =>
        user.IsInRole(OcopFairs.Abstractions.Roles.Organiser) || user.IsInRole(OcopFairs.Abstractions.Roles.Admin);
}
