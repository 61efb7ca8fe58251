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

    /// <summary>A first-come fair whose registration is open now.</summary>
    public static FairDetails OpenFair(int boothsPerProducer = 2, int holdMinutes = 30, AllocationMode mode = AllocationMode.FirstCome)
    {
        var now = DateTimeOffset.UtcNow;
        return Fair("Hội chợ OCOP Thái Nguyên") with
        {
            RegistrationOpensAt = now.AddHours(-1),
            RegistrationClosesAt = now.AddDays(5),
            StartsAt = now.AddDays(10),
            EndsAt = now.AddDays(12),
            BoothsPerProducer = boothsPerProducer,
            HoldMinutes = holdMinutes,
            AllocationMode = mode,
        };
    }

    /// <summary>Zone A (food) with A01…, zone B (beverages) with B01….</summary>
    public static FloorPlan FoodAndBeveragePlan(int food = 10, int beverages = 5) =>
        FloorPlans.Grid([
            (new Zone("A", "Khu thực phẩm", [ProductGroup.Food]), food),
            (new Zone("B", "Khu đồ uống", [ProductGroup.Beverages]), beverages),
        ]);
}
