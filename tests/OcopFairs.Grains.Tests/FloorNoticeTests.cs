using OcopFairs.Abstractions;

namespace OcopFairs.Grains.Tests;

/// <summary>The floor tells producers about changes to their booths, once each change is durable, and only then.</summary>
[Collection(ClusterCollection.Name)]
public class FloorNoticeTests(ClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    private static BoothNotice[] NoticesOf(string fairId) =>
        [.. InMemoryProjections.Instance.BoothNotices.Where(n => n.FairId == fairId).OrderBy(n => n.Version).ThenBy(n => n.Kind)];

    [Fact]
    public async Task Each_change_to_a_producers_booth_raises_one_notice_at_its_version_and_refusals_raise_none()
    {
        var f = await Floors.NewAsync(_grains);
        var (first, second) = (Floors.Producer(), Floors.Producer());

        var held = await f.Floor.HoldAsync("A01", first, null);
        await Floors.RefusedAsync(DomainErrorKind.Conflict, "booth.taken", () => f.Floor.HoldAsync("A01", second, null));
        await f.Floor.ConfirmAsync("A01", first.ProducerId, null);
        await f.Floor.UnassignAsync("A01");
        await f.Floor.AssignAsync("A01", second, null, null);
        await f.Floor.ReleaseAsync("A01", second.ProducerId);

        var v = f.Version;
        Assert.Equal(
            [
                new BoothNotice(f.FairId, v + 1, "A01", "A", BoothNoticeKind.Held, first.ProducerId, held.HoldExpiresAt),
                new BoothNotice(f.FairId, v + 2, "A01", "A", BoothNoticeKind.Confirmed, first.ProducerId, null),
                new BoothNotice(f.FairId, v + 3, "A01", "A", BoothNoticeKind.Unassigned, first.ProducerId, null),
                new BoothNotice(f.FairId, v + 4, "A01", "A", BoothNoticeKind.Assigned, second.ProducerId, null),
                new BoothNotice(f.FairId, v + 5, "A01", "A", BoothNoticeKind.Released, second.ProducerId, null),
            ],
            NoticesOf(f.FairId));
    }

    [Fact]
    public async Task An_organiser_assigning_a_producer_its_own_hold_tells_it_the_booth_is_confirmed()
    {
        var f = await Floors.NewAsync(_grains);
        var holder = Floors.Producer();
        await f.Floor.HoldAsync("A02", holder, null);
        await f.Floor.AssignAsync("A02", holder, null, null);

        Assert.Equal([BoothNoticeKind.Held, BoothNoticeKind.Confirmed], NoticesOf(f.FairId).Select(n => n.Kind));
        Assert.All(NoticesOf(f.FairId), n => Assert.Equal(holder.ProducerId, n.ProducerId));
    }
}
