using System.Net;
using System.Net.Http.Json;

namespace OcopFairs.Server.Tests.Infrastructure;

/// <summary>Producers, products and fairs made through the real API for the catalogue and application tests.</summary>
public static class Catalog
{
    public sealed record ProducerAccount(HttpClient Http, string ProducerId, string Token, string Email);

    /// <summary>Registers a producer account, signs it in and saves a complete profile in <paramref name="district"/>.</summary>
    public static async Task<ProducerAccount> NewProducerAsync(ServerProcess server, string? name = null, string district = "Kim Bôi")
    {
        var http = server.CreateClient();
        var email = $"producer-{Guid.NewGuid():N}@example.vn";
        (await http.PostAsJsonAsync("api/auth/register", new { email, password = "Mat-khau-9", role = "Producer", displayName = name ?? "Hợp tác xã Thử" })).EnsureSuccessStatusCode();
        var token = await Api.LoginAsync(http, email, "Mat-khau-9");
        http.As(token);
        var profile = await http.PutAsJsonAsync("api/producers/me", Profile(name ?? $"Hợp tác xã Thử {Guid.NewGuid():N}"[..30], district));
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        var producerId = (await profile.ReadJsonAsync())["producerId"]!.GetValue<string>();
        return new ProducerAccount(http, producerId, token, email);
    }

    public static object Profile(string name, string district = "Kim Bôi") => new
    {
        name,
        kind = "Cooperative",
        province = "Hòa Bình",
        district,
        commune = "Du Sáng",
        phone = "0218 3880 999",
        email = "lienhe@example.vn",
        description = "Sản phẩm OCOP Hòa Bình",
    };

    public static object Product(string name, string group = "Food", int stars = 4, DateOnly? certifiedOn = null, DateOnly? expiresOn = null) => new
    {
        name,
        group,
        stars,
        certificateNo = "HB-" + Guid.NewGuid().ToString("N")[..8],
        certificateLevel = "Province",
        certifiedOn = certifiedOn ?? DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-6),
        certificateExpiresOn = expiresOn,
        certifications = new[] { "VietGAP" },
        capacityPerMonth = new { quantity = 2, unit = "tấn" },
        priceRange = new { min = 40_000, max = 60_000, unit = "kg" },
        shopLinks = new[] { new { platform = "Postmart", url = "https://postmart.vn/shop/thu" } },
    };

    public static async Task<string> AddProductAsync(HttpClient producer, object product)
    {
        var response = await producer.PostAsJsonAsync("api/producers/me/products", product);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync())["productId"]!.GetValue<string>();
    }

    /// <summary>
    /// A Draft fair with registration open now, starting in ten days and lasting three, without a floor plan.
    /// </summary>
    public static async Task<string> DraftFairAsync(
        HttpClient organiser, int minStars = 3, string[]? groups = null,
        int holdMinutes = 30, int boothsPerProducer = 1, string allocationMode = "FirstCome")
    {
        var start = DateTimeOffset.UtcNow.AddDays(10);
        var created = await organiser.PostAsJsonAsync("api/fairs", new
        {
            name = "Hội chợ đăng ký " + Guid.NewGuid().ToString("N")[..6],
            venue = "Nhà văn hóa tỉnh",
            province = "Hòa Bình",
            startsAt = start,
            endsAt = start.AddDays(3),
            registrationOpensAt = DateTimeOffset.UtcNow.AddHours(-1),
            registrationClosesAt = start.AddDays(-1),
            minStars,
            acceptedGroups = groups ?? ["Food", "Beverages"],
            boothsPerProducer,
            holdMinutes,
            allocationMode,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.ReadJsonAsync())["fairId"]!.GetValue<string>();
    }

    /// <summary>
    /// A <see cref="DraftFairAsync">Draft fair</see> given the floor grid (<see cref="Api.SmallGrid"/> by default) and
    /// published.
    /// </summary>
    public static async Task<string> PublishedFairAsync(
        HttpClient organiser, int minStars = 3, string[]? groups = null, object? grid = null,
        int holdMinutes = 30, int boothsPerProducer = 1, string allocationMode = "FirstCome")
    {
        var fairId = await DraftFairAsync(organiser, minStars, groups, holdMinutes, boothsPerProducer, allocationMode);
        (await organiser.PostAsJsonAsync($"api/fairs/{fairId}/floor-plan/grid", grid ?? Api.SmallGrid)).EnsureSuccessStatusCode();
        var published = await organiser.PostAsync($"api/fairs/{fairId}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return fairId;
    }

    public static async Task<string> ApplyAsync(HttpClient producer, string fairId, params string[] productIds)
    {
        var response = await producer.PostAsJsonAsync($"api/fairs/{fairId}/applications", new { productIds, needs = new { power = true, coldStorage = false, water = false } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync())["applicationId"]!.GetValue<string>();
    }
}
