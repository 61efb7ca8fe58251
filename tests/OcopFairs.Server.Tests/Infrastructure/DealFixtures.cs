using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OcopFairs.Server.Tests.Infrastructure;

/// <summary>A published fair with an approved exhibitor holding products in kg, tấn and boxes, and a buyer — made through the real API.</summary>
public static class DealFixtures
{
    public sealed record Setup(
        HttpClient Organiser,
        string FairId,
        Catalog.ProducerAccount Producer,
        string Rice,
        string Honey,
        string Tea,
        BuyerAccounts.BuyerAccount Buyer)
    {
        public string Deals => $"api/fairs/{FairId}/deals";

        public string Deal(string dealId, string? action = null) => action is null ? $"{Deals}/{dealId}" : $"{Deals}/{dealId}/{action}";

        /// <summary>Two lines: 500 kg of rice at 30,000 VND/kg per month for 6 months, and 200 boxes of honey at 150,000 VND once.</summary>
        public object Terms(decimal riceKg = 500, string kind = "ConsumptionContract", string? meetingId = null) => new
        {
            kind,
            producerId = Producer.ProducerId,
            meetingId,
            lines = new object[]
            {
                new { productId = Rice, quantity = riceKg, unit = "kg", unitPriceVnd = 30_000, months = 6 },
                new { productId = Honey, quantity = 200, unit = "hộp", unitPriceVnd = 150_000 },
            },
            deliveryTerms = "Giao tại kho bên mua, hàng tháng",
            market = new { export = false, name = "Hà Nội" },
            validFrom = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1),
            validTo = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(6),
        };
    }

    public static async Task<Setup> NewAsync(ServerProcess server, HttpClient organiser, string district = "Kim Bôi", string? buyerKind = null)
    {
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 4);
        var producer = await Catalog.NewProducerAsync(server, $"Hợp tác xã Ký Kết {Guid.NewGuid():N}"[..32], district);
        var rice = await Catalog.AddProductAsync(producer.Http, Catalog.Product("Gạo nếp Kim Bôi"));
        var honey = await Catalog.AddProductAsync(producer.Http, Catalog.Product("Mật ong bạc hà"));
        var tea = await Catalog.AddProductAsync(producer.Http, Catalog.Product("Trà hoa vàng", group: "Beverages"));
        var applicationId = await Catalog.ApplyAsync(producer.Http, fairId, rice, honey);
        (await organiser.PostAsync($"api/fairs/{fairId}/applications/{applicationId}/approve", null)).EnsureSuccessStatusCode();
        var buyer = await BuyerAccounts.NewAsync(server, buyerKind is null ? null : BuyerAccounts.Supermarket("Công ty Xuất khẩu Thử", buyerKind), registerFor: fairId);
        return new Setup(organiser, fairId, producer, rice, honey, tea, buyer);
    }

    public static async Task<JsonObject> CreatedAsync(HttpClient http, string url, object body, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        var response = await http.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string url, object? body = null, string? key = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body ?? new { }) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return await http.SendAsync(request);
    }

    public static async Task<JsonObject> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    public static async Task<(HttpStatusCode Status, string? Code)> RefusalAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        var code = text.Length > 0 && JsonNode.Parse(text) is JsonObject o ? o["code"]?.GetValue<string>() : null;
        return (response.StatusCode, code);
    }
}
