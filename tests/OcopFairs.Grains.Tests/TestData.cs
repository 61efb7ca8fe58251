using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Grains.Tests;

internal static class TestData
{
    private static readonly DateTimeOffset Opens = new(2030, 3, 1, 1, 0, 0, TimeSpan.Zero);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static FairDetails Fair(string name = "Hội chợ OCOP Hà Nội", int startInDays = 60) => new(
        Name: name,
        Venue: "Cung Văn hóa Hữu nghị",
        Province: "Hà Nội",
        TimeZone: FairRules.DefaultTimeZone,
        StartsAt: Opens.AddDays(startInDays),
        EndsAt: Opens.AddDays(startInDays + 4),
        RegistrationOpensAt: Opens,
        RegistrationClosesAt: Opens.AddDays(30),
        MinStars: 3,
        AcceptedGroups: [ProductGroup.Food, ProductGroup.Beverages],
        BoothsPerProducer: 2,
        HoldMinutes: 30,
        AllocationMode: AllocationMode.FirstCome);

    /// <summary>Zone A with <paramref name="booths"/> booths: A01, A02…</summary>
    public static FloorPlan Plan(int booths = 4) =>
        FloorPlans.Grid([(new Zone("A", "Khu thực phẩm", [ProductGroup.Food]), booths)]);

    /// <summary>A fair, created with a fresh key and a floor plan of <paramref name="booths"/> booths (version 1).</summary>
    public static async Task<IFairGrain> NewFairWithPlanAsync(IGrainFactory grains, int booths = 4)
    {
        var fair = grains.GetGrain<IFairGrain>(NewId("fair"));
        await fair.CreateAsync(Fair(), "organiser-1");
        await fair.SetFloorPlanAsync(Plan(booths));
        return fair;
    }
}
