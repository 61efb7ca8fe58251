using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>A Draft fair exists only for its organiser and admins: list, fair, floor, floor-plan CSV and the hub.</summary>
[Collection(ServerCollection.Name)]
public sealed class DraftFairVisibilityTests(ServerFixture fixture)
{
    private async Task<string> TokenAsync(string email, string password = Api.DemoPassword)
    {
        using var http = fixture.Client();
        return await Api.LoginAsync(http, email, password);
    }

    /// <summary>An organiser account other than the demo one.</summary>
    private async Task<string> OtherOrganiserAsync()
    {
        using var admin = fixture.Client();
        admin.As(await Api.LoginAsync(admin, "admin@demo.ocop"));
        var email = $"to-chuc-khac-{Guid.NewGuid():N}@example.vn";
        var created = await admin.PostAsJsonAsync("api/admin/users", new { email, password = "Mat-khau-9", role = "Organiser", displayName = "Sở Công Thương khác" });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        return await TokenAsync(email, "Mat-khau-9");
    }

    private async Task AssertHiddenAsync(string fairId, string? token, string who)
    {
        using var http = fixture.Client();
        if (token is not null)
        {
            http.As(token);
        }

        var list = await http.GetStringAsync("api/fairs");
        Assert.False(list.Contains(fairId, StringComparison.Ordinal), $"{who} sees the Draft fair in the list");
        foreach (var path in new[] { "", "/floor", "/floor?sinceVersion=0", "/floor-plan.csv" })
        {
            var response = await http.GetAsync($"api/fairs/{fairId}{path}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{who}: GET {path} answered {(int)response.StatusCode}");
            Assert.Equal("fair.notFound", (await response.ReadJsonAsync())["code"]!.GetValue<string>());
        }

        await using var hub = Api.Hub(fixture.Server.BaseAddress, token);
        await hub.StartAsync();
        foreach (var join in new[] { "JoinFair", "JoinFairBatched" })
        {
            var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<JoinResultDto>(join, fairId, -1L));
            Assert.Contains("fair.notFound", refused.Message, StringComparison.Ordinal);
        }
    }

    private async Task AssertVisibleAsync(string fairId, string? token, string who)
    {
        using var http = fixture.Client();
        if (token is not null)
        {
            http.As(token);
        }

        Assert.True((await http.GetStringAsync("api/fairs")).Contains(fairId, StringComparison.Ordinal), $"{who} does not see the fair in the list");
        foreach (var path in new[] { "", "/floor", "/floor?sinceVersion=0", "/floor-plan.csv" })
        {
            var response = await http.GetAsync($"api/fairs/{fairId}{path}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who}: GET {path} answered {(int)response.StatusCode}");
        }

        await using var hub = Api.Hub(fixture.Server.BaseAddress, token);
        await hub.StartAsync();
        Assert.Equal(fairId, (await hub.InvokeAsync<JoinResultDto>("JoinFair", fairId, -1L)).FairId);
        Assert.Equal(fairId, (await hub.InvokeAsync<JoinResultDto>("JoinFairBatched", fairId, -1L)).FairId);
    }

    [Fact]
    public async Task Draft_fair_is_hidden_from_anonymous_visitors_producers_and_other_organisers()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser, "Hội chợ chưa công bố");

        await AssertHiddenAsync(fairId, null, "an anonymous visitor");
        await AssertHiddenAsync(fairId, await TokenAsync("producer1@demo.ocop"), "a producer");
        await AssertHiddenAsync(fairId, await TokenAsync("buyer1@demo.ocop"), "a buyer");
        await AssertHiddenAsync(fairId, await OtherOrganiserAsync(), "another organiser");
    }

    [Fact]
    public async Task Draft_fair_is_visible_to_its_organiser_and_admins()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser, "Hội chợ nháp của tôi");

        await AssertVisibleAsync(fairId, await TokenAsync("organiser@demo.ocop"), "its organiser");
        await AssertVisibleAsync(fairId, await TokenAsync("admin@demo.ocop"), "an admin");
    }

    [Fact]
    public async Task Once_published_the_fair_is_visible_to_everyone()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Api.CreateFairWithFloorAsync(organiser, "Hội chợ sắp công bố");
        await AssertHiddenAsync(fairId, null, "an anonymous visitor before publishing");

        Assert.Equal(HttpStatusCode.OK, (await organiser.PostAsync($"api/fairs/{fairId}/publish", null)).StatusCode);

        await AssertVisibleAsync(fairId, null, "an anonymous visitor");
        await AssertVisibleAsync(fairId, await TokenAsync("producer1@demo.ocop"), "a producer");
    }
}
