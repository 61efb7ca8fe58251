using System.Net.Http.Json;

namespace OcopFairs.Server.Tests.Infrastructure;

/// <summary>A published FirstCome fair and approved producers, made through the real API.</summary>
public static class Rush
{
    /// <summary>A published fair of one Food zone "H" with <paramref name="booths"/> booths (H01, H02 …).</summary>
    public static Task<string> FirstComeFairAsync(HttpClient organiser, int booths, int holdMinutes = 30, int boothsPerProducer = 1, string allocationMode = "FirstCome") =>
        Catalog.PublishedFairAsync(
            organiser,
            groups: ["Food"],
            grid: new { zones = new[] { new { code = "H", name = "Thực phẩm", groups = new[] { "Food" }, booths } }, perRow = 10 },
            holdMinutes: holdMinutes,
            boothsPerProducer: boothsPerProducer,
            allocationMode: allocationMode);

    /// <summary>Producers that applied with one Food product and were approved in bulk.</summary>
    public static async Task<List<Catalog.ProducerAccount>> ApprovedProducersAsync(ServerProcess server, HttpClient organiser, string fairId, int count, Func<int, string>? district = null)
    {
        var producers = new Catalog.ProducerAccount[count];
        var applications = new string[count];
        using var gate = new SemaphoreSlim(6);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var p = await Catalog.NewProducerAsync(server, $"Hợp tác xã Giữ Chỗ {i}", district?.Invoke(i) ?? "Kim Bôi");
                var product = await Catalog.AddProductAsync(p.Http, Catalog.Product($"Gạo nếp {i}"));
                applications[i] = await Catalog.ApplyAsync(p.Http, fairId, product);
                producers[i] = p;
            }
            finally
            {
                gate.Release();
            }
        }));
        var bulk = await organiser.PostAsJsonAsync($"api/fairs/{fairId}/applications/bulk", new { action = "approve", applicationIds = applications });
        bulk.EnsureSuccessStatusCode();
        return [.. producers];
    }
}
