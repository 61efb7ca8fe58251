using CsCheck;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class AllocationTests
{
    private static readonly ProductGroup[] AllGroups = Enum.GetValues<ProductGroup>();
    private static readonly string[] Districts = ["Mai Châu", "Cao Phong", "Kim Bôi", "Yên Thủy", "Lạc Sơn"];

    private static readonly Gen<Allocation.Booth[]> BoothsGen =
        from count in Gen.Int[0, 40]
        from specs in Gen.Select(Gen.Int[0, 3], Gen.OneOf(AllGroups.Select(Gen.Const).ToArray()), Gen.OneOf(Enum.GetValues<BoothType>().Select(Gen.Const).ToArray())).Array[count]
        select specs.Select((s, i) => new Allocation.Booth($"Z{s.Item1}{i:00}", $"Z{s.Item1}", s.Item3, [s.Item2, AllGroups[(int)s.Item2 % 2]])).ToArray();

    private static readonly Gen<Allocation.Exhibitor[]> ExhibitorsGen =
        from count in Gen.Int[0, 50]
        from specs in Gen.Select(Gen.Int[0, Districts.Length - 1], Gen.Int[3, 5], Gen.OneOf(AllGroups.Select(Gen.Const).ToArray()), Gen.Int[0, 3], Gen.Int[0, 10_000]).Array[count]
        select specs.Select((s, i) => new Allocation.Exhibitor(
            $"p{i:000}", Districts[s.Item1], s.Item2, [s.Item3], s.Item4 == 0 ? [] : [$"Z{s.Item4}"], [],
            DateTimeOffset.UnixEpoch.AddMinutes(s.Item5))).ToArray();

    private static readonly Gen<(Allocation.Booth[] Booths, Allocation.Exhibitor[] Exhibitors)> Inputs = Gen.Select(BoothsGen, ExhibitorsGen);

    [Fact]
    public void Never_two_exhibitors_on_a_booth_and_never_two_booths_for_an_exhibitor() =>
        Inputs.Sample(input =>
        {
            var result = Allocation.Allocate(input.Booths, input.Exhibitors);
            Assert.Equal(result.Assignments.Count, result.Assignments.Select(a => a.BoothCode).Distinct().Count());
            Assert.Equal(result.Assignments.Count, result.Assignments.Select(a => a.ProducerId).Distinct().Count());
            Assert.All(result.Assignments, a => Assert.Contains(input.Booths, b => b.Code == a.BoothCode));
        });

    [Fact]
    public void Never_an_incompatible_zone() =>
        Inputs.Sample(input =>
        {
            foreach (var a in Allocation.Allocate(input.Booths, input.Exhibitors).Assignments)
            {
                var booth = input.Booths.Single(b => b.Code == a.BoothCode);
                var exhibitor = input.Exhibitors.Single(e => e.ProducerId == a.ProducerId);
                Assert.NotEmpty(booth.ZoneGroups.Intersect(exhibitor.Groups));
            }
        });

    [Fact]
    public void Every_exhibitor_is_either_placed_or_unplaced_with_a_reason() =>
        Inputs.Sample(input =>
        {
            var result = Allocation.Allocate(input.Booths, input.Exhibitors);
            var placed = result.Assignments.Select(a => a.ProducerId).ToHashSet();
            Assert.All(input.Exhibitors, e => Assert.True(placed.Contains(e.ProducerId) ^ result.Unplaced.Any(u => u.ProducerId == e.ProducerId)));
            Assert.All(result.Unplaced, u => Assert.NotEmpty(u.Reasons));
            Assert.All(result.Assignments, a => Assert.NotEmpty(a.Reasons));
        });

    [Fact]
    public void Same_input_gives_the_same_output() =>
        Inputs.Sample(input =>
        {
            var first = Allocation.Allocate(input.Booths, input.Exhibitors);
            var shuffled = Allocation.Allocate([.. input.Booths.Reverse()], [.. input.Exhibitors.Reverse()]);
            Assert.Equal(first.Assignments.Select(a => (a.BoothCode, a.ProducerId)), shuffled.Assignments.Select(a => (a.BoothCode, a.ProducerId)));
            Assert.Equal(first.Unplaced.Select(u => u.ProducerId), shuffled.Unplaced.Select(u => u.ProducerId));
        });

    /// <summary>
    /// With every booth compatible with everyone, each district gets at least its proportional share (or all its
    /// exhibitors, if fewer), and no district gets more than its share while another got less than its own.
    /// </summary>
    [Fact]
    public void District_shares_are_respected_when_every_booth_fits_everyone() =>
        Gen.Select(Gen.Int[0, 30], ExhibitorsGen).Sample(input =>
        {
            var (boothCount, exhibitors) = input;
            var booths = Enumerable.Range(1, boothCount).Select(i => new Allocation.Booth($"A{i:00}", "A", BoothType.Standard, AllGroups)).ToArray();
            var result = Allocation.Allocate(booths, exhibitors);
            var shares = Allocation.Shares(boothCount, exhibitors);
            var got = result.Assignments.GroupBy(a => VietnameseText.Fold(exhibitors.Single(e => e.ProducerId == a.ProducerId).District))
                .ToDictionary(g => g.Key, g => g.Count());
            Assert.Equal(Math.Min(boothCount, exhibitors.Length), result.Assignments.Count);
            Assert.Equal(Math.Min(boothCount, exhibitors.Length), shares.Values.Sum());
            foreach (var (district, share) in shares)
            {
                Assert.True(got.GetValueOrDefault(district) >= share, $"{district} got {got.GetValueOrDefault(district)} of its share {share}");
            }
        });

    [Fact]
    public void Five_stars_come_before_four_and_three_within_a_district()
    {
        var booths = new[] { new Allocation.Booth("A01", "A", BoothType.Standard, [ProductGroup.Food]) };
        var t = DateTimeOffset.UnixEpoch;
        var result = Allocation.Allocate(booths,
        [
            new("three", "Kim Bôi", 3, [ProductGroup.Food], [], [], t),
            new("five", "Kim Bôi", 5, [ProductGroup.Food], [], [], t.AddDays(1)),
            new("four", "Kim Bôi", 4, [ProductGroup.Food], [], [], t),
        ]);
        Assert.Equal("five", Assert.Single(result.Assignments).ProducerId);
        Assert.Equal(["four", "three"], result.Unplaced.Select(u => u.ProducerId));
        Assert.All(result.Unplaced, u => Assert.Equal("noBoothLeft", u.Reasons[0].Code));
    }

    [Fact]
    public void Preferred_zone_and_type_are_honoured_where_possible()
    {
        var booths = new[]
        {
            new Allocation.Booth("A01", "A", BoothType.Standard, [ProductGroup.Food]),
            new Allocation.Booth("B01", "B", BoothType.Corner, [ProductGroup.Food]),
            new Allocation.Booth("B02", "B", BoothType.Standard, [ProductGroup.Food]),
        };
        var result = Allocation.Allocate(booths, [new("p", "Cao Phong", 4, [ProductGroup.Food], ["B"], [BoothType.Corner], DateTimeOffset.UnixEpoch)]);
        var assignment = Assert.Single(result.Assignments);
        Assert.Equal("B01", assignment.BoothCode);
        Assert.Contains(assignment.Reasons, r => r.Code == "preferredZone");
        Assert.Contains(assignment.Reasons, r => r.Code == "preferredType");
    }

    [Fact]
    public void Shares_follow_the_largest_remainder_with_ties_by_district_name()
    {
        Allocation.Exhibitor E(string id, string district) => new(id, district, 3, [ProductGroup.Food], [], [], DateTimeOffset.UnixEpoch);
        var shares = Allocation.Shares(4, [E("1", "Mai Châu"), E("2", "Mai Châu"), E("3", "Cao Phong"), E("4", "Kim Bôi"), E("5", "Kim Bôi"), E("6", "Lạc Sơn")]);
        // 4 booths over 6 exhibitors: exact shares 1.33, 0.67, 1.33, 0.67 → floors 1, 0, 1, 0, then the two largest
        // remainders (0.67, ties by name: cao phong, lac son).
        Assert.Equal(1, shares["mai chau"]);
        Assert.Equal(1, shares["kim boi"]);
        Assert.Equal(1, shares["cao phong"]);
        Assert.Equal(1, shares["lac son"]);
    }
}
