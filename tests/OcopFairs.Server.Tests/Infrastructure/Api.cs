using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace OcopFairs.Server.Tests.Infrastructure;

/// <summary>Small helpers over real HTTP and a real SignalR client.</summary>
public static class Api
{
    public const string DemoPassword = "Demo@12345";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static async Task<string> LoginAsync(HttpClient http, string email, string password = DemoPassword)
    {
        var response = await http.PostAsJsonAsync("api/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["accessToken"]!.GetValue<string>();
    }

    public static HttpClient As(this HttpClient http, string token)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) as JsonObject ?? throw new InvalidOperationException($"Not a JSON object: {text}");
    }

    /// <summary>A fair that opens registration now and starts in ten days.</summary>
    public static object NewFair(string name = "Hội chợ thử nghiệm", DateTimeOffset? startsAt = null)
    {
        var start = startsAt ?? DateTimeOffset.UtcNow.AddDays(10);
        return new
        {
            name,
            venue = "Nhà văn hóa tỉnh",
            province = "Hòa Bình",
            startsAt = start,
            endsAt = start.AddDays(3),
            registrationOpensAt = DateTimeOffset.UtcNow.AddHours(-1),
            registrationClosesAt = start.AddMinutes(-1),
            minStars = 3,
            acceptedGroups = new[] { "Food", "Beverages", "Herbal" },
            boothsPerProducer = 2,
            holdMinutes = 30,
            allocationMode = "FirstCome",
        };
    }

    public static readonly object SmallGrid = new
    {
        zones = new object[]
        {
            new { code = "A", name = "Thực phẩm", groups = new[] { "Food" }, booths = 6 },
            new { code = "B", name = "Đồ uống", groups = new[] { "Beverages" }, booths = 4 },
        },
        perRow = 5,
    };

    /// <summary>Creates a fair with a 10-booth floor plan as the given organiser; returns its id.</summary>
    public static async Task<string> CreateFairWithFloorAsync(HttpClient organiser, string name = "Hội chợ thử nghiệm")
    {
        var created = await organiser.PostAsJsonAsync("api/fairs", NewFair(name));
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var fairId = (await created.ReadJsonAsync())["fairId"]!.GetValue<string>();
        var grid = await organiser.PostAsJsonAsync($"api/fairs/{fairId}/floor-plan/grid", SmallGrid);
        grid.EnsureSuccessStatusCode();
        return fairId;
    }

    public static HubConnection Hub(Uri baseAddress, string? token = null)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(baseAddress, "hubs/fairs"), o =>
        {
            if (token is not null)
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            }
        });
        builder.Services.Configure<Microsoft.AspNetCore.SignalR.JsonHubProtocolOptions>(o => o.PayloadSerializerOptions = Json);
        return builder.Build();
    }

    /// <summary>Polls until <paramref name="condition"/> holds, at most <paramref name="seconds"/>.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250);
        }

        return await condition();
    }
}

/// <summary>A fair event as a client receives it.</summary>
public sealed record FairEventDto(string FairId, long Version, string Type, JsonElement Data);

/// <summary>A <c>FairEvents</c> message: event <c>i</c> has version <c>FromVersion + 1 + i</c>; a booth change is an array.</summary>
public sealed record FairEventsDto(string FairId, long FromVersion, long ToVersion, List<JsonElement> Events);

public sealed record JoinResultDto(string FairId, long Version, List<FairEventDto>? Events, JsonElement? Snapshot);
