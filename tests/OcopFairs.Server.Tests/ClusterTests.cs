using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

public sealed class ClusterTests
{
    /// <summary>
    /// Two server processes form one Orleans cluster on one PostgreSQL. A watcher on each node must see a booth change
    /// made through node A: wherever the fair grain lives, one of the two pushes crosses nodes through the hub observers.
    /// </summary>
    [Fact]
    public async Task Event_raised_on_one_node_reaches_clients_on_both_nodes()
    {
        await using var db = await TestDatabase.CreateAsync();
        var clusterId = "cluster-" + db.Name;
        await using var nodeA = new ServerProcess(db.ConnectionString, clusterId, seedDemo: true);
        await nodeA.StartAsync();
        await using var nodeB = new ServerProcess(db.ConnectionString, clusterId);
        await nodeB.StartAsync();

        using var organiser = nodeA.CreateClient();
        organiser.As(await Api.LoginAsync(organiser, "organiser@demo.ocop"));
        var fairs = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            fairs.Add(await Api.CreateFairWithFloorAsync(organiser, $"Hội chợ cụm {i}"));
        }

        var onA = new ConcurrentQueue<FairEventDto>();
        var onB = new ConcurrentQueue<FairEventDto>();
        await using var hubA = Api.Hub(nodeA.BaseAddress);
        await using var hubB = Api.Hub(nodeB.BaseAddress);
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
}
