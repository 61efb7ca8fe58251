using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Npgsql;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Security;

/// <summary>Who is signing in to what: the account (hashed e-mail), the client it counts as, and its device id if known.</summary>
public readonly record struct SignInClient(string Account, string Client, string? DeviceId)
{
    public bool IsKnownDevice => DeviceId is not null;
}

/// <summary>
/// Failed sign-ins, counted in PostgreSQL (so every node sees them) per account and client rather than per account:
/// <list type="bullet">
/// <item>A client that gets the password wrong <see cref="LockoutOptions.FailuresPerClient"/> times within the window
/// is locked out of that account for the lock's length; other clients are not.</item>
/// <item>A client is a browser that signed in to the account before (<see cref="KnownDevices"/>), else its network
/// address (<see cref="ClientAddress"/>).</item>
/// <item>Failures of every client but the known browsers also add up per account: at
/// <see cref="LockoutOptions.FailuresPerAccount"/> all of those clients are locked out (a guessing attack from many
/// addresses), while the owner's known browsers still sign in.</item>
/// </list>
/// A locked client is refused before its password is checked, so a locked attacker learns nothing more.
/// </summary>
public sealed class SignInThrottle(NpgsqlDataSource db, KnownDevices devices, IOptions<SecurityOptions> options, TimeProvider clock)
{
    public const string CleanupJobId = "sign-in-failures-cleanup";

    /// <summary>The row that counts the failures of every client that is not a known browser of the account.</summary>
    private const string UnknownClients = "*";

    private LockoutOptions Lockout => options.Value.Lockout;

    private TimeSpan Window => TimeSpan.FromMinutes(Lockout.Minutes);

    public SignInClient Identify(HttpContext http, string normalizedUserName)
    {
        // Hashed, so that a password typed into the e-mail field is not kept.
        var account = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("ocop-sign-in:" + normalizedUserName)));
        var device = devices.Find(http.Request, account);
        return new SignInClient(account, device is null ? "ip:" + ClientAddress.Of(http) : "device:" + device, device);
    }

    /// <summary>Until when the client may not try the account, or null when it may try now.</summary>
    public async Task<DateTimeOffset?> LockedUntilAsync(SignInClient client)
    {
        await using var cmd = db.CreateCommand("""
            SELECT max(locked_until) FROM app.sign_in_failures
            WHERE account = @account AND client = ANY(@clients) AND locked_until > @now
            """);
        cmd.Parameters.AddWithValue("account", client.Account);
        cmd.Parameters.AddWithValue("clients", client.IsKnownDevice ? new[] { client.Client } : [client.Client, UnknownClients]);
        cmd.Parameters.AddWithValue("now", clock.GetUtcNow());
        return await cmd.ExecuteScalarAsync() is DateTime until ? new DateTimeOffset(until, TimeSpan.Zero) : null;
    }

    /// <summary>Counts a wrong password; answers the lock's end when this failure (or one before) locked the client out.</summary>
    public async Task<DateTimeOffset?> FailedAsync(SignInClient client)
    {
        var now = clock.GetUtcNow();
        await using var batch = db.CreateBatch();
        Count(batch, client, client.Client, Lockout.FailuresPerClient, now);
        if (!client.IsKnownDevice)
        {
            Count(batch, client, UnknownClients, Lockout.FailuresPerAccount, now);
        }

        if (batch.BatchCommands.Count == 0)
        {
            return null;
        }

        DateTimeOffset? lockedUntil = null;
        await using var reader = await batch.ExecuteReaderAsync();
        do
        {
            while (await reader.ReadAsync())
            {
                if (!reader.IsDBNull(0) && new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero) is var until && until > now
                    && (lockedUntil is null || until > lockedUntil))
                {
                    lockedUntil = until;
                }
            }
        }
        while (await reader.NextResultAsync());

        return lockedUntil;
    }

    /// <summary>The right password: the client's count starts again and the browser becomes known to the account.</summary>
    public async Task SucceededAsync(SignInClient client, HttpResponse response)
    {
        await using var cmd = db.CreateCommand("DELETE FROM app.sign_in_failures WHERE account = @account AND client = @client");
        cmd.Parameters.AddWithValue("account", client.Account);
        cmd.Parameters.AddWithValue("client", client.Client);
        await cmd.ExecuteNonQueryAsync();
        devices.Remember(response, client.Account, client.DeviceId);
    }

    /// <summary>Hourly (Hangfire): deletes the counts whose window and lock are both over.</summary>
    public async Task<int> CleanUpAsync()
    {
        var now = clock.GetUtcNow();
        await using var cmd = db.CreateCommand("""
            DELETE FROM app.sign_in_failures
            WHERE window_started_at <= @windowStart AND (locked_until IS NULL OR locked_until <= @now)
            """);
        cmd.Parameters.AddWithValue("windowStart", now - Window);
        cmd.Parameters.AddWithValue("now", now);
        return await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The 429 answer of a locked client: a localized problem with <c>lockedUntil</c>, and <c>Retry-After</c>. The
    /// detail says the minutes left, which read the same in every time zone; the web app shows the local time.
    /// </summary>
    public ProblemHttpResult Locked(HttpContext http, DateTimeOffset lockedUntil)
    {
        var wait = lockedUntil - clock.GetUtcNow();
        var minutes = Math.Max(1, (long)Math.Ceiling(wait.TotalMinutes));
        return TooManyRequests.Answer(http, wait, "account.locked",
            string.Format(CultureInfo.CurrentCulture, ErrorText.Get("account.lockedDetail"), minutes),
            new Dictionary<string, object?> { ["lockedUntil"] = lockedUntil });
    }

    /// <summary>
    /// One failure on one counter, in one statement: a window that is over starts again at 1; reaching the threshold
    /// locks until now + the lock's length. Answers the counter's lock end.
    /// </summary>
    private void Count(NpgsqlBatch batch, SignInClient client, string counter, int threshold, DateTimeOffset now)
    {
        if (threshold <= 0)
        {
            return;
        }

        var command = new NpgsqlBatchCommand("""
            INSERT INTO app.sign_in_failures AS f (account, client, failures, window_started_at, locked_until)
            VALUES (@account, @client, 1, @now, CASE WHEN @threshold <= 1 THEN @lockEnd END)
            ON CONFLICT (account, client) DO UPDATE SET (failures, window_started_at, locked_until) = (
                SELECT n,
                       CASE WHEN n = 1 THEN @now ELSE f.window_started_at END,
                       CASE WHEN n >= @threshold THEN @lockEnd ELSE f.locked_until END
                FROM (SELECT CASE WHEN f.window_started_at <= @windowStart THEN 1 ELSE f.failures + 1 END) AS x(n))
            RETURNING locked_until
            """);
        command.Parameters.AddWithValue("account", client.Account);
        command.Parameters.AddWithValue("client", counter);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("threshold", threshold);
        command.Parameters.AddWithValue("lockEnd", now + Window);
        command.Parameters.AddWithValue("windowStart", now - Window);
        batch.BatchCommands.Add(command);
    }
}
