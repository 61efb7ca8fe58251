using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace OcopFairs.Server.Security;

/// <summary>
/// Browsers that signed in to an account: a successful sign-in leaves an HttpOnly cookie naming a random device id
/// and the account, protected by the cluster's data-protection keys. Such a browser counts its failed sign-ins on its
/// own, apart from its network address, so a stranger on the same hall Wi-Fi or from many addresses cannot lock the
/// owner's browser out. Only a sign-in with the right password issues one, so a stranger cannot get one.
/// </summary>
public sealed class KnownDevices(IDataProtectionProvider protection, IOptions<SecurityOptions> options)
{
    public const string CookieName = "ocop.device";

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("OcopFairs.Security.KnownDevice").ToTimeLimitedDataProtector();

    /// <summary>The device id of this browser when it signed in to <paramref name="account"/> before, else null.</summary>
    public string? Find(HttpRequest request, string account)
    {
        if (request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(cookie);
        }
        catch (CryptographicException)
        {
            // Forged, expired, or protected with keys this cluster no longer has: an unknown browser, nothing more.
            return null;
        }

        return payload.Split('|') is [var device, var signedInTo] && signedInTo == account ? device : null;
    }

    /// <summary>Marks the browser as known to <paramref name="account"/>, keeping its device id when it had one.</summary>
    public void Remember(HttpResponse response, string account, string? deviceId)
    {
        var lifetime = TimeSpan.FromDays(options.Value.DeviceDays);
        var id = deviceId ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        response.Cookies.Append(CookieName, _protector.Protect($"{id}|{account}", lifetime), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/api/auth",
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = lifetime,
            IsEssential = true,
        });
    }
}
