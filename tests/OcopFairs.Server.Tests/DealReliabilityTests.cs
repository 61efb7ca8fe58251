using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using OcopFairs.Server.Tests.Infrastructure;
using static OcopFairs.Server.Tests.Infrastructure.DealFixtures;

namespace OcopFairs.Server.Tests;

/// <summary>
/// Deals under races: each outcome is one consistent version, and no deal is ever counted as signed on terms one side
/// did not see — every signature names the version it signs and lies on that version.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DealReliabilityTests(ServerFixture fixture)
{
    [Fact]
    public async Task Both_parties_signing_at_once_both_count_and_the_deal_is_signed_once()
    {
        var s = await NewAsync(fixture.Server, await fixture.OrganiserAsync());
        var deals = new List<string>();
        for (var i = 0; i < 8; i++) deals.Add((await CreatedAsync(s.Buyer.Http, s.Deals, s.Terms(riceKg: 100 + i)))["dealId"]!.GetValue<string>());

        await Task.WhenAll(deals.SelectMany(d => new[]
        {
            OkAsync(PostAsync(s.Buyer.Http, s.Deal(d, "sign"), new { version = 1 })),
            OkAsync(PostAsync(s.Producer.Http, s.Deal(d, "sign"), new { version = 1 })),
        }));

        foreach (var d in deals)
        {
            var deal = await OkAsync(s.Buyer.Http.GetAsync(s.Deal(d)));
            Assert.Equal(("Active", 2, 3L), (deal["status"]!.GetValue<string>(), deal["signatures"]!.AsArray().Count, deal["revision"]!.GetValue<long>()));
        }

        await AssertLedgerConsistentAsync(fixture.Database.ConnectionString, s.FairId);
        Assert.Equal(8L, await CountAsync(fixture.Database.ConnectionString, $"SELECT count(*) FROM app.deals WHERE fair_id = '{s.FairId}' AND counted"));
    }

    [Fact]
    public async Task A_change_racing_the_last_signature_leaves_one_version_and_never_a_deal_signed_on_unseen_terms()
    {
        var s = await NewAsync(fixture.Server, await fixture.OrganiserAsync());
        var outcomes = new List<(HttpStatusCode Sign, HttpStatusCode Change)>();
        for (var i = 0; i < 12; i++)
        {
            var d = (await CreatedAsync(s.Buyer.Http, s.Deals, s.Terms()))["dealId"]!.GetValue<string>();
            await OkAsync(PostAsync(s.Buyer.Http, s.Deal(d, "sign"), new { version = 1 }));
            // The producer signs version 1 while the buyer rewrites the quantity.
            var sign = PostAsync(s.Producer.Http, s.Deal(d, "sign"), new { version = 1 });
            var change = s.Buyer.Http.PutAsJsonAsync(s.Deal(d), s.Terms(riceKg: 777));
            var (signed, changed) = (await sign, await change);
            outcomes.Add((signed.StatusCode, changed.StatusCode));
            Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
            Assert.Contains(signed.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict });

            var deal = await OkAsync(s.Buyer.Http.GetAsync(s.Deal(d)));
            Assert.Equal((2, "Proposed"), (deal["version"]!.GetValue<int>(), deal["status"]!.GetValue<string>()));
            Assert.Empty(deal["signatures"]!.AsArray());
            var versions = (await OkAsync(s.Buyer.Http.GetAsync(s.Deal(d, "versions"))))["items"]!.AsArray();
            Assert.Equal(2, versions.Count);
            // Version 1 holds the producer's signature only when it came before the change.
            Assert.Equal(signed.StatusCode == HttpStatusCode.OK ? 2 : 1, versions[0]!["signatures"]!.AsArray().Count);
            Assert.Empty(versions[1]!["signatures"]!.AsArray());
        }

        await AssertLedgerConsistentAsync(fixture.Database.ConnectionString, s.FairId);
        Assert.Equal(0L, await CountAsync(fixture.Database.ConnectionString, $"SELECT count(*) FROM app.deals WHERE fair_id = '{s.FairId}' AND counted"));
    }

    internal static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, db);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Every stored deal: counted exactly when both sides' signatures are on its current version and it is not
    /// cancelled; its signatures all on the current version; each version row's signatures on that version; the
    /// columns agree with the deal.
    /// </summary>
    internal static async Task AssertLedgerConsistentAsync(string connectionString, string fairId)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using (var cmd = new NpgsqlCommand("SELECT deal::text, counted, version, revision, (board->>'counted')::boolean FROM app.deals WHERE fair_id = $1", db) { Parameters = { new() { Value = fairId } } })
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var deal = JsonNode.Parse(reader.GetString(0))!;
                var version = deal["version"]!.GetValue<int>();
                var sides = deal["signatures"]!.AsArray().Select(x => (x!["side"]!.GetValue<string>(), x["version"]!.GetValue<int>())).ToList();
                Assert.All(sides, x => Assert.Equal(version, x.Item2));
                var counted = sides.Any(x => x.Item1 == "Buyer") && sides.Any(x => x.Item1 == "Producer") && deal["status"]!.GetValue<string>() != "Cancelled";
                Assert.Equal(counted, reader.GetBoolean(1));
                Assert.Equal(counted, reader.GetBoolean(4));
                Assert.Equal((version, deal["revision"]!.GetValue<long>()), (reader.GetInt32(2), reader.GetInt64(3)));
            }
        }

        await using (var cmd = new NpgsqlCommand("SELECT v.version, v.body::text FROM app.deal_versions v JOIN app.deals d USING (deal_id) WHERE d.fair_id = $1", db) { Parameters = { new() { Value = fairId } } })
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var body = JsonNode.Parse(reader.GetString(1))!;
                Assert.Equal(reader.GetInt32(0), body["version"]!.GetValue<int>());
                Assert.All(body["signatures"]!.AsArray(), x => Assert.Equal(reader.GetInt32(0), x!["version"]!.GetValue<int>()));
            }
        }
    }
}

/// <summary>Deals under a kill: its own server on its own database, because it kills it.</summary>
public sealed class DealKillTests
{
    [Fact]
    public async Task A_sigkill_mid_signing_keeps_every_acknowledged_signature_and_keyed_retries_answer_it_after_the_restart()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var server = new ServerProcess(db.ConnectionString, "deals-kill-" + db.Name, seedDemo: true);
        await server.StartAsync();
        using var organiser = server.CreateClient();
        organiser.As(await Api.LoginAsync(organiser, "organiser@demo.ocop"));
        var s = await NewAsync(server, organiser);
        var buyers = new List<BuyerAccounts.BuyerAccount> { s.Buyer };
        buyers.AddRange(await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => BuyerAccounts.NewAsync(server, registerFor: s.FairId))));
        var deals = new List<(BuyerAccounts.BuyerAccount Buyer, string DealId)>();
        foreach (var b in buyers)
        {
            for (var i = 0; i < 3; i++) deals.Add((b, (await CreatedAsync(b.Http, s.Deals, s.Terms()))["dealId"]!.GetValue<string>()));
        }

        // Buyers rewrite their deals and sign each new version; the producer signs whatever version is current; the
        // server is killed while they do. Each acknowledged signature is (deal, side, version, key).
        var acknowledged = new ConcurrentBag<(string DealId, string Side, int Version, string Key)>();
        using var stop = new CancellationTokenSource();
        var buyerLoops = deals.Select((d, i) => Task.Run(async () =>
        {
            var random = new Random(i);
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var changed = await d.Buyer.Http.PutAsJsonAsync(s.Deal(d.DealId), s.Terms(riceKg: random.Next(1, 5000)), stop.Token);
                    if (changed.StatusCode != HttpStatusCode.OK) continue;
                    var version = (await changed.ReadJsonAsync())["version"]!.GetValue<int>();
                    var key = $"b-{d.DealId}-{version}";
                    var signed = await PostAsync(d.Buyer.Http, s.Deal(d.DealId, "sign"), new { version }, key);
                    if (signed.StatusCode == HttpStatusCode.OK) acknowledged.Add((d.DealId, "Buyer", version, key));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
                {
                    return;
                }
            }
        }));
        var producerLoop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var d in deals)
                {
                    try
                    {
                        var deal = await (await s.Producer.Http.GetAsync(s.Deal(d.DealId), stop.Token)).ReadJsonAsync();
                        var version = deal["version"]!.GetValue<int>();
                        var key = $"p-{d.DealId}-{version}";
                        var signed = await PostAsync(s.Producer.Http, s.Deal(d.DealId, "sign"), new { version }, key);
                        if (signed.StatusCode == HttpStatusCode.OK) acknowledged.Add((d.DealId, "Producer", version, key));
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException or InvalidOperationException or System.Text.Json.JsonException)
                    {
                        if (stop.IsCancellationRequested || e is HttpRequestException) return;
                    }
                }
            }
        });
        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(acknowledged.Count >= 40), 90), "signing did not get going");
        await server.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll([.. buyerLoops, producerLoop]);

        await server.StartAsync();

        // Every acknowledged signature is on its version in the ledger.
        await using var connection = new NpgsqlConnection(db.ConnectionString);
        await connection.OpenAsync();
        foreach (var (dealId, side, version, _) in acknowledged)
        {
            await using var cmd = new NpgsqlCommand("SELECT body::text FROM app.deal_versions WHERE deal_id = $1 AND version = $2", connection)
            {
                Parameters = { new() { Value = dealId }, new() { Value = version } },
            };
            var body = await cmd.ExecuteScalarAsync() as string;
            Assert.NotNull(body);
            Assert.Contains(JsonNode.Parse(body)!["signatures"]!.AsArray(), x => x!["side"]!.GetValue<string>() == side);
        }

        await DealReliabilityTests.AssertLedgerConsistentAsync(db.ConnectionString, s.FairId);

        // A keyed retry of an acknowledged signature answers it again after the restart, instead of "already signed".
        var (retryDeal, retrySide, retryVersion, retryKey) = acknowledged.First(a => a.Side == "Producer");
        var retried = await OkAsync(PostAsync(s.Producer.Http, s.Deal(retryDeal, "sign"), new { version = retryVersion }, retryKey));
        Assert.Equal(retryVersion, retried["version"]!.GetValue<int>());
        Assert.Contains(retried["signatures"]!.AsArray(), x => x!["side"]!.GetValue<string>() == retrySide);

        // The ledger still takes signatures: both sign the current version of one deal and it counts.
        var (buyer, last) = deals[0];
        var current = (await OkAsync(buyer.Http.GetAsync(s.Deal(last))))["version"]!.GetValue<int>();
        foreach (var (http, side) in new[] { (buyer.Http, "Buyer"), (s.Producer.Http, "Producer") })
        {
            var answer = await PostAsync(http, s.Deal(last, "sign"), new { version = current });
            Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{side}: {answer.StatusCode}");
        }

        Assert.Equal("Active", (await OkAsync(buyer.Http.GetAsync(s.Deal(last))))["status"]!.GetValue<string>());
    }
}
