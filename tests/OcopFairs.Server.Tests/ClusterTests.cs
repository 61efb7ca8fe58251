using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>One two-node cluster shared by the tests of this class; each test works on fresh fairs, producers and words.</summary>
public sealed class ClusterTests(TwoNodes cluster) : IClassFixture<TwoNodes>
{
    /// <summary>
    /// Two server processes form one Orleans cluster on one PostgreSQL. A watcher on each node must see a booth change
    /// made through node A: wherever the fair grain lives, one of the two pushes crosses nodes through the hub observers.
    /// </summary>
    [Fact]
    public async Task Event_raised_on_one_node_reaches_clients_on_both_nodes()
    {
        var (nodeA, nodeB) = (cluster.A, cluster.B);

        using var organiser = nodeA.CreateClient();
        organiser.As(await Api.LoginAsync(organiser, "organiser@demo.ocop"));
        var fairs = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            fairs.Add(await Api.CreateFairWithFloorAsync(organiser, $"Hội chợ cụm {i}"));
        }

        var onA = new ConcurrentQueue<FairEventDto>();
        var onB = new ConcurrentQueue<FairEventDto>();
        // The fairs are Draft: their organiser watches them.
        var token = organiser.DefaultRequestHeaders.Authorization!.Parameter;
        await using var hubA = Api.Hub(nodeA.BaseAddress, token);
        await using var hubB = Api.Hub(nodeB.BaseAddress, token);
        hubA.On<FairEventDto>("FairEvent", onA.Enqueue);
        hubB.On<FairEventDto>("FairEvent", onB.Enqueue);
        await hubA.StartAsync();
        await hubB.StartAsync();
        foreach (var fairId in fairs)
        {
            await hubA.InvokeAsync<JoinResultDto>("JoinFair", fairId, 1L);
            await hubB.InvokeAsync<JoinResultDto>("JoinFair", fairId, 1L);
        }

        // Both nodes' hubs are registered once both report ready; give the push caches one refresh.
        await Task.Delay(TimeSpan.FromSeconds(3));
        foreach (var fairId in fairs)
        {
            (await organiser.PostAsync($"api/fairs/{fairId}/booths/A05/block", null)).EnsureSuccessStatusCode();
        }

        bool AllArrived(ConcurrentQueue<FairEventDto> q) => fairs.All(f => q.Any(e => e.FairId == f && e.Version == 2));
        Assert.True(await Api.EventuallyAsync(() => Task.FromResult(AllArrived(onA) && AllArrived(onB)), 20),
            $"node A got {onA.Count}, node B got {onB.Count} of {fairs.Count} events");
    }

    /// <summary>
    /// Each node searches products in memory. A product saved, renamed or deleted through either node must be found
    /// (or gone) on both: the writing node applies its own change, the other reloads on the catalogue notification.
    /// Producer search finds producers through those same rows, so its producer comes and goes with it.
    /// </summary>
    [Fact]
    public async Task Catalogue_changes_through_either_node_reach_search_on_both()
    {
        var (nodeA, nodeB) = (cluster.A, cluster.B);

        var producer = await Catalog.NewProducerAsync(nodeA, "Hợp tác xã Cụm Tìm Kiếm");
        using var onB = nodeB.CreateClient();
        onB.As(producer.Token);
        var word = "xoai" + Guid.NewGuid().ToString("N")[..8];
        async Task<long> TotalAsync(HttpClient http, string search, string q) => (await (await http.GetAsync($"api/{search}?q={q}")).ReadJsonAsync()).GetTotal();

        // The product, and its producer (whose own name has none of the words) found through it, on both nodes.
        async Task<bool> BothAsync(string q, long expected)
        {
            foreach (var http in new[] { producer.Http, onB })
            {
                foreach (var search in new[] { "products", "producers" })
                {
                    if (await TotalAsync(http, search, q) != expected)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        var productId = await Catalog.AddProductAsync(producer.Http, Catalog.Product($"Xoài {word} sấy dẻo"));
        Assert.True(await Api.EventuallyAsync(() => BothAsync(word, 1), 20), "the new product is not found on both nodes");

        var renamed = "mit" + Guid.NewGuid().ToString("N")[..8];
        (await onB.PutAsJsonAsync($"api/producers/me/products/{productId}", Catalog.Product($"Mít {renamed} sấy giòn"))).EnsureSuccessStatusCode();
        Assert.True(await Api.EventuallyAsync(async () => await BothAsync(renamed, 1) && await BothAsync(word, 0), 20),
            "the rename did not reach search on both nodes");

        (await producer.Http.DeleteAsync($"api/producers/me/products/{productId}")).EnsureSuccessStatusCode();
        Assert.True(await Api.EventuallyAsync(() => BothAsync(renamed, 0), 20), "the deleted product is still found");
    }

    /// <summary>Every node runs the dashboard's per-silo service; the dashboard on either node reads both silos.</summary>
    [Fact]
    public async Task Dashboard_on_either_node_shows_both_silos()
    {
        foreach (var node in new[] { cluster.A, cluster.B })
        {
            using var admin = await OperatorEndpointsTests.AdminAsync(node);
            JsonObject counters = null!;
            Assert.True(await Api.EventuallyAsync(async () =>
            {
                var response = await admin.GetAsync("orleans/DashboardCounters");
                if (response.Content.Headers.ContentType?.MediaType != "application/json")
                {
                    return false;
                }

                counters = await response.ReadJsonAsync();
                return counters["totalActiveHostCount"]!.GetValue<int>() == 2;
            }, 20), $"the dashboard on port {node.HttpPort} does not see two active silos");

            foreach (var host in counters["hosts"]!.AsArray())
            {
                var silo = host!["siloAddress"]!.GetValue<string>();
                var stats = await admin.GetAsync($"orleans/SiloStats/{silo}");
                Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
            }
        }
    }
}
