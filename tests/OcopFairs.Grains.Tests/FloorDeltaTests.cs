using System.Collections.Immutable;
using OcopFairs.Abstractions;

namespace OcopFairs.Grains.Tests;

/// <summary>A group commit's delta, worked out from the booths the floor touched or from all of them.</summary>
public class FloorDeltaTests
{
    private static readonly string[] Codes = [.. Enumerable.Range(1, 12).Select(i => $"A{i:00}")];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void From_the_touched_booths_it_equals_the_full_comparison(int seed)
    {
        var random = new Random(seed);
        var before = new FloorLiveState { Booths = ImmutableDictionary<string, BoothSlot>.Empty.Add("A01", Held("p0")) };
        for (var round = 0; round < 50; round++)
        {
            var to = before;
            var touched = new HashSet<string>(StringComparer.Ordinal);
            for (var change = random.Next(0, 6); change > 0; change--)
            {
                var code = Codes[random.Next(Codes.Length)];
                touched.Add(code);
                // Setting a booth back to what it was is touched but unchanged, and must not be written.
                var slot = random.Next(4) switch
                {
                    0 => BoothSlot.Free,
                    1 => before.Booths.GetValueOrDefault(code) ?? BoothSlot.Free,
                    2 => new BoothSlot(BoothStatus.Blocked, null, null, null, null),
                    _ => Held($"p{random.Next(5)}"),
                };
                to = to with { Booths = to.Booths.SetItem(code, slot), Version = to.Version + 1 };
            }

            var full = FloorDelta.Between(before, to);
            var fromTouched = FloorDelta.Between(before, to, touched);
            Assert.Equal(full.Booths.OrderBy(b => b.Key), fromTouched.Booths.OrderBy(b => b.Key));
            Assert.DoesNotContain(fromTouched.Booths, b => Equals(before.Booths.GetValueOrDefault(b.Key), b.Value));
            before = to;
        }
    }

    [Fact]
    public void New_keys_are_those_after_the_last_stored_one_or_by_key_when_the_list_was_rebuilt()
    {
        var keys = Enumerable.Range(0, 6).Select(i => new KeyedResult($"k{i}", "A01", BoothSlot.Free)).ToArray();
        var before = new FloorLiveState { Keys = [keys[0], keys[1], keys[2]] };

        // Appended, the oldest dropping out at the front.
        var appended = before with { Keys = [keys[1], keys[2], keys[3], keys[4]] };
        Assert.Equal(["k3", "k4"], FloorDelta.Between(before, appended).Keys.Select(k => k.Key));
        Assert.Empty(FloorDelta.Between(before, before).Keys);
        Assert.Equal(["k0", "k1", "k2"], FloorDelta.Between(new FloorLiveState(), before).Keys.Select(k => k.Key));

        // Equal keys that are other objects (read back before storage): compared by key.
        var reloaded = before with { Keys = [.. before.Keys.Select(k => k with { }), keys[5]] };
        Assert.Equal(["k5"], FloorDelta.Between(before, reloaded).Keys.Select(k => k.Key));
    }

    private static BoothSlot Held(string producer) =>
        new(BoothStatus.Held, producer, "HTX " + producer, DateTimeOffset.UnixEpoch.AddDays(1), producer + "-hold");
}
