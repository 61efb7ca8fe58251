using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using OcopFairs.Server.Identity;

namespace OcopFairs.Server.Tests;

/// <summary>The bearer-token reader that decrypts each token once, over the real data-protection ticket format.</summary>
public sealed class CachedTicketFormatTests
{
    private sealed class Counting(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>
    {
        public int Reads;

        public string Protect(AuthenticationTicket data) => inner.Protect(data);

        public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Interlocked.Increment(ref Reads);
            return inner.Unprotect(protectedText, purpose);
        }
    }

    private readonly Counting _inner = new(new TicketDataFormat(new EphemeralDataProtectionProvider().CreateProtector("bearer")));

    private static AuthenticationTicket Ticket(string userId, DateTimeOffset expires) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Role, "Producer")], "Identity.Bearer")),
            new AuthenticationProperties { ExpiresUtc = expires }, "Identity.Bearer");

    [Fact]
    public void A_token_is_decrypted_once_and_every_request_gets_its_own_copy_of_the_same_ticket()
    {
        using var format = new CachedTicketFormat(_inner);
        var expires = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var token = format.Protect(Ticket("u1", expires));

        var first = format.Unprotect(token)!;
        var second = format.Unprotect(token)!;

        Assert.Equal(1, _inner.Reads);
        Assert.NotSame(first.Principal, second.Principal);
        Assert.NotSame(first.Properties, second.Properties);
        foreach (var ticket in new[] { first, second })
        {
            Assert.Equal("u1", ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
            Assert.True(ticket.Principal.IsInRole("Producer"));
            Assert.Equal(expires, ticket.Properties.ExpiresUtc); // the bearer handler checks it on every request
            Assert.Equal("Identity.Bearer", ticket.AuthenticationScheme);
        }

        // What one request does to its principal does not reach the next.
        ((ClaimsIdentity)first.Principal.Identity!).AddClaim(new Claim(ClaimTypes.Role, "Admin"));
        Assert.False(format.Unprotect(token)!.Principal.IsInRole("Admin"));
    }

    [Fact]
    public void Tokens_of_different_users_stay_apart_and_forged_or_missing_tokens_are_never_remembered()
    {
        using var format = new CachedTicketFormat(_inner);
        var expires = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var one = format.Protect(Ticket("u1", expires));
        var two = format.Protect(Ticket("u2", expires));

        Assert.Equal("u1", format.Unprotect(one)!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("u2", format.Unprotect(two)!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));

        var forged = one[..^4] + (one[^4] == 'A' ? "BBBB" : "AAAA");
        Assert.Null(format.Unprotect(forged));
        Assert.Null(format.Unprotect(forged));
        Assert.Null(format.Unprotect("not a token"));
        Assert.Null(format.Unprotect(null));
        Assert.Equal(6, _inner.Reads); // u1, u2, the forged one twice, the junk and null: nothing failed was kept
        Assert.Equal("u1", format.Unprotect(one)!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(6, _inner.Reads);
    }
}
