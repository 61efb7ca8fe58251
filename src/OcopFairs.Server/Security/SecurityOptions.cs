namespace OcopFairs.Server.Security;

/// <summary>The <c>Security</c> settings (README.md lists them with their defaults).</summary>
public sealed class SecurityOptions
{
    /// <summary>Sign-in and token-refresh requests one client may make per minute; 0 for no limit.</summary>
    public int SignInPerMinute { get; set; } = 30;

    /// <summary>Registrations one client may make per hour; 0 for no limit.</summary>
    public int RegistrationsPerHour { get; set; } = 20;

    public LockoutOptions Lockout { get; set; } = new();

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>How long a browser that signed in stays known to the account it signed in to.</summary>
    public int DeviceDays { get; set; } = 90;
}

/// <summary>Failed sign-ins: counted per account and client, within <see cref="Minutes"/>, which is also the lock's length.</summary>
public sealed class LockoutOptions
{
    /// <summary>Wrong passwords after which one client is locked out of one account; 0 never locks.</summary>
    public int FailuresPerClient { get; set; } = 5;

    /// <summary>
    /// Wrong passwords from all clients but the account's known browsers together after which those clients are locked
    /// out of the account (an attack from many addresses); 0 never locks.
    /// </summary>
    public int FailuresPerAccount { get; set; } = 50;

    public int Minutes { get; set; } = 15;
}

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c> are believed. Empty (the default): the
/// headers are ignored, as anyone could send them.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Addresses of the proxies, for example <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in CIDR form, for example <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;
}
