using System.Collections.Concurrent;
using System.Collections.Immutable;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Grains.Tests;

/// <summary>The ledger as the board's rebuild reads it, per fair, in memory.</summary>
public sealed class InMemoryBoardSource : IBoardSource
{
    public static InMemoryBoardSource Instance { get; } = new();

    public ConcurrentDictionary<string, ImmutableArray<DealBoardEntry>> Entries { get; } = new();

    public Task<ImmutableArray<DealBoardEntry>> EntriesAsync(string fairId) => Task.FromResult(Entries.GetValueOrDefault(fairId, []));

    public Task<BoardMeetings> MeetingsAsync(string fairId) => Task.FromResult(new BoardMeetings(0, 0, 0, 0));
}

[Collection(ClusterCollection.Name)]
public sealed class FairBoardGrainTests(ClusterFixture fixture)
{
    private static DealBoardEntry Entry(string fairId, string dealId, long revision, bool counted, decimal vnd, string district = "Cao Phong") =>
        new(dealId, fairId, revision, counted, DealKind.ConsumptionContract,
            new DealTotals(vnd, 1m, ImmutableDictionary<string, decimal>.Empty),
            ImmutableDictionary<ProductGroup, decimal>.Empty.Add(ProductGroup.Food, vnd),
            ImmutableDictionary<ProductGroup, decimal>.Empty.Add(ProductGroup.Food, 1m),
            district, BuyerKind.Supermarket, "vn:Hà Nội", counted ? DateTimeOffset.UnixEpoch : null);

    private static DealAnnouncement Signed(string dealId, decimal vnd) =>
        new(dealId, DealKind.ConsumptionContract, "HTX", "Cao Phong", "Siêu thị", vnd, 1m, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task The_board_is_rebuilt_from_the_ledger_when_it_activates()
    {
        var fairId = "board-rebuild-" + Guid.NewGuid().ToString("N");
        ImmutableArray<DealBoardEntry> ledger = [Entry(fairId, "d1", 3, true, 100m), Entry(fairId, "d2", 5, true, 250m, "Kim Bôi"), Entry(fairId, "d3", 2, false, 999m)];
        InMemoryBoardSource.Instance.Entries[fairId] = ledger;

        var board = await fixture.Grains.GetGrain<IFairBoardGrain>(fairId).GetAsync();

        Assert.Equal(350m, board.Deals.Vnd);
        Assert.Equal(2, board.Deals.ByKind[DealKind.ConsumptionContract]);
        Assert.Equal(new BoardAmount(1, 250m, 1m), board.Deals.ByDistrict["Kim Bôi"]);

        // An entry older than the ledger's (a late arrival) changes nothing.
        await fixture.Grains.GetGrain<IFairBoardGrain>(fairId).RecordDealAsync(Entry(fairId, "d2", 4, false, 0m), null);
        Assert.Equal(350m, (await fixture.Grains.GetGrain<IFairBoardGrain>(fairId).GetAsync()).Deals.Vnd);
    }

    [Fact]
    public async Task Records_are_pushed_coalesced_on_the_fairs_stream_each_signing_announced_once()
    {
        var fairId = "board-push-" + Guid.NewGuid().ToString("N");
        var board = fixture.Grains.GetGrain<IFairBoardGrain>(fairId);
        var expected = BoardTally.Recount(fairId, []);
        const int deals = 30;
        for (var i = 0; i < deals; i++)
        {
            var entry = Entry(fairId, $"d{i}", 2, true, 10m + i);
            expected.Apply(entry);
            await board.RecordDealAsync(entry, Signed($"d{i}", 10m + i));
            await board.RecordDealAsync(entry, Signed($"d{i}", 10m + i)); // a repeat: neither counted nor announced twice
        }

        var floor = fixture.Grains.GetGrain<IFloorGrain>(fairId);
        ImmutableArray<FairEvent> events = [];
        for (var wait = 0; wait < 50; wait++)
        {
            events = (await floor.GetChangesSinceAsync(0)).Events ?? [];
            if (events.LastOrDefault(e => e.Type == EventTypes.BoardChanged)?.Board?.Deals.Vnd == expected.ToDeals().Vnd) break;
            await Task.Delay(100);
        }

        var boards = events.Where(e => e.Type == EventTypes.BoardChanged).ToList();
        var signings = events.Where(e => e.Type == EventTypes.DealSigned).Select(e => e.Deal!.DealId).ToList();
        Assert.Equal(expected.ToDeals().Vnd, boards[^1].Board!.Deals.Vnd);
        Assert.Equal(deals, boards[^1].Board!.Deals.ByKind[DealKind.ConsumptionContract]);
        Assert.Equal(Enumerable.Range(0, deals).Select(i => $"d{i}"), signings);
        Assert.True(boards.Count < deals, $"{boards.Count} boards for {deals} signings: not coalesced");
        Assert.All(boards, b => Assert.Equal(b.Version, b.Board!.Version));
        Assert.Equal(Enumerable.Range(1, events.Length).Select(v => (long)v), events.Select(e => e.Version));
        Assert.Equal(boards[^1].Version, (await board.GetAsync()).Version);
    }
}
