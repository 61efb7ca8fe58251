using System.Net;
using System.Net.Http.Json;

namespace OcopFairs.Server.Tests.Infrastructure;

/// <summary>Buyer accounts made through the real API, with a profile and, when asked, registered for a fair.</summary>
public static class BuyerAccounts
{
    public sealed record BuyerAccount(HttpClient Http, string BuyerId);

    public static object Supermarket(string organisation = "Siêu thị Xanh Hà Nội", string kind = "Supermarket") => new
    {
        organisation,
        kind,
        province = "Hà Nội",
        contact = "0243 999 8888",
        representatives = new[] { new { name = "Nguyễn Thu Hà", phone = "0912 345 678" } },
        needs = new object[]
        {
            new
            {
                keywords = new[] { "cam Cao Phong" }, groups = new[] { "Food" }, minStars = 4, certifications = new[] { "VietGAP" },
                quantityPerMonth = new { quantity = 20, unit = "tấn" }, priceBandVnd = new { min = 20000, max = 35000, per = "kg" }, markets = new[] { "Hà Nội" },
            },
        },
    };

    /// <summary>A signed-in buyer; with a profile unless <paramref name="profile"/> is null and <paramref name="withProfile"/> false.</summary>
    public static async Task<BuyerAccount> NewAsync(ServerProcess server, object? profile = null, bool withProfile = true, string? registerFor = null)
    {
        var http = server.CreateClient();
        var email = $"buyer-{Guid.NewGuid():N}@example.vn";
        (await http.PostAsJsonAsync("api/auth/register", new { email, password = "Mat-khau-9", role = "Buyer", displayName = "Người mua thử" })).EnsureSuccessStatusCode();
        http.As(await Api.LoginAsync(http, email, "Mat-khau-9"));
        if (!withProfile) return new BuyerAccount(http, "");
        var saved = await http.PutAsJsonAsync("api/buyers/me", profile ?? Supermarket());
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var buyerId = (await saved.ReadJsonAsync())["buyerId"]!.GetValue<string>();
        if (registerFor is not null) (await http.PostAsync($"api/fairs/{registerFor}/buyers/me", null)).EnsureSuccessStatusCode();
        return new BuyerAccount(http, buyerId);
    }
}
