using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace OcopFairs.Server.Identity;

/// <summary>
/// Remembers the tickets of bearer tokens it has read, so a client that sends the same token with every request
/// (a producer holding booths in a rush, the web app polling) costs one decryption, not one per request: in a rush
/// profile, unprotecting and deserialising the token took a twentieth of the server. The key is the whole token, which
/// is authenticated encryption, so only the token that was read finds its ticket. The bearer handler still checks the
/// ticket's expiry on every request, and each request gets its own copy, so nothing it does to the principal leaks into
/// the next. Writing tokens is left to the inner format.
/// </summary>
public sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    /// <summary>How many tokens are remembered; the least recently read go first when it is full.</summary>
    public const int Capacity = 20_000;

    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _tickets = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        if (!_tickets.TryGetValue(protectedText, out AuthenticationTicket? ticket) || ticket is null)
        {
            ticket = inner.Unprotect(protectedText);
            if (ticket is null)
            {
                return null; // not remembered: a forged or mangled token costs its sender a decryption every time
            }

            _tickets.Set(protectedText, ticket, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Keep });
        }

        return ticket.Clone(); // the identities, claims and properties copied
    }

    public void Dispose() => _tickets.Dispose();
}
