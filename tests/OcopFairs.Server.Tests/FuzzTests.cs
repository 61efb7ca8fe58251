using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Xunit.Abstractions;
using OcopFairs.Server.Tests.Infrastructure;

namespace OcopFairs.Server.Tests;

/// <summary>
/// A bounded property-based fuzzer over the API's own description: it sends generated hostile bodies (wrong types,
/// numbers no type holds, deep nesting, control characters and broken UTF-16, unknown enum values, nulls) to every
/// POST, PUT and PATCH route of <c>/openapi/v1.json</c>, as the role that may call it, and checks that no answer is a
/// 5xx, that a refusal changes nothing, that a 400 names its fields in words rather than codes, and that whatever was
/// accepted stored no control characters.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class FuzzTests(ServerFixture fixture, ITestOutputHelper output)
{
    private const int Requests = 300;

    private enum Caller { Anonymous, Throwaway, Admin, Organiser, Producer, Buyer }

    /// <summary>Who calls each mutating route: every POST, PUT and PATCH the document lists is here, and only those.</summary>
    private static readonly Dictionary<string, Caller> Callers = new()
    {
        ["POST /api/auth/register"] = Caller.Anonymous,
        ["POST /api/auth/login"] = Caller.Anonymous,
        ["POST /api/auth/refresh"] = Caller.Anonymous,
        ["POST /api/auth/logout"] = Caller.Throwaway,
        ["POST /api/admin/users"] = Caller.Admin,
        ["POST /api/fairs"] = Caller.Organiser,
        ["PATCH /api/fairs/{fairId}"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/publish"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/close-registration"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/start"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/close"] = Caller.Organiser,
        ["PUT /api/fairs/{fairId}/floor-plan"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/floor-plan/grid"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/allocation"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/booths/{boothCode}/hold"] = Caller.Producer,
        ["POST /api/fairs/{fairId}/booths/{boothCode}/confirm"] = Caller.Producer,
        ["POST /api/fairs/{fairId}/booths/{boothCode}/release"] = Caller.Producer,
        ["POST /api/fairs/{fairId}/booths/{boothCode}/block"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/booths/{boothCode}/unblock"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/booths/{boothCode}/assign"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/booths/{boothCode}/unassign"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/applications/check"] = Caller.Producer,
        ["POST /api/fairs/{fairId}/applications"] = Caller.Producer,
        ["POST /api/fairs/{fairId}/applications/{applicationId}/withdraw"] = Caller.Producer,
        ["POST /api/fairs/{fairId}/applications/{applicationId}/approve"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/applications/{applicationId}/waitlist"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/applications/{applicationId}/reject"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/applications/bulk"] = Caller.Organiser,
        ["PUT /api/producers/me"] = Caller.Producer,
        ["POST /api/producers/me/products"] = Caller.Producer,
        ["PUT /api/producers/me/products/{productId}"] = Caller.Producer,
        // Its body is the image file itself: every JSON body the fuzzer sends must be refused as not an image.
        ["PUT /api/producers/me/products/{productId}/photo"] = Caller.Producer,
        ["POST /api/me/notifications/{id}/read"] = Caller.Producer,
        ["PUT /api/buyers/me"] = Caller.Buyer,
        ["POST /api/fairs/{fairId}/buyers/me"] = Caller.Buyer,
        ["POST /api/fairs/{fairId}/check-in"] = Caller.Organiser,
        ["PUT /api/fairs/{fairId}/matching-hours"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/meetings"] = Caller.Buyer,
        ["POST /api/fairs/{fairId}/meetings/{meetingId}/accept"] = Caller.Producer,
        ["POST /api/fairs/{fairId}/meetings/{meetingId}/decline"] = Caller.Producer,
        ["POST /api/fairs/{fairId}/meetings/{meetingId}/propose"] = Caller.Producer,
        ["POST /api/fairs/{fairId}/meetings/{meetingId}/cancel"] = Caller.Buyer,
        ["POST /api/fairs/{fairId}/meetings/{meetingId}/check-in"] = Caller.Buyer,
        ["POST /api/fairs/{fairId}/meetings/schedule"] = Caller.Organiser,
        ["POST /api/fairs/{fairId}/matches/{producerId}/save"] = Caller.Buyer,
        ["POST /api/fairs/{fairId}/matches/{producerId}/dismiss"] = Caller.Buyer,
        ["POST /api/fairs/{fairId}/matches/{producerId}/clear"] = Caller.Buyer,
        ["POST /api/fairs/{fairId}/deals"] = Caller.Buyer,
        ["PUT /api/fairs/{fairId}/deals/{dealId}"] = Caller.Producer,
        ["POST /api/fairs/{fairId}/deals/{dealId}/propose"] = Caller.Buyer,
        ["POST /api/fairs/{fairId}/deals/{dealId}/sign"] = Caller.Producer,
        ["POST /api/fairs/{fairId}/deals/{dealId}/cancel"] = Caller.Buyer,
        ["POST /api/fairs/{fairId}/deals/{dealId}/follow-ups"] = Caller.Buyer,
        ["POST /api/fairs/{fairId}/deals/{dealId}/show-prices"] = Caller.Producer,
    };

    private sealed record Route(string Key, string Method, string Path, Caller Caller, JsonObject Baseline, string[] Fields);

    private sealed record Case(Route Route, string Body);

    // ---- Generators ------------------------------------------------------------------------------------------------

    /// <summary>A JSON string literal of any UTF-16 text: controls and lone surrogates escaped, so they reach the server as such.</summary>
    private static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
        {
            if (c is < ' ' or > '~' or '"' or '\\') sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else sb.Append(c);
        }

        return sb.Append('"').ToString();
    }

    private static readonly Gen<string> HostileText = Gen.OneOf(
        Gen.Char.Array[0, 12].Select(cs => new string(cs)),
        Gen.OneOf("", " ", "a\0b", "\u0085", "\u001b[31m", "\r\n", "Hòa Bình", "\ud800", "A01", "Food", "Organiser", "Lottery", "42",
            "NaN", "Infinity", "-1", "9999-12-31T23:59:59Z", "0001-01-01", "2030-13-45", "p-x", "../../etc", new string('x', 5000)));

    private static readonly Gen<string> Number = Gen.OneOf(
        Gen.OneOf("0", "-1", "7", "42", "-0", "0.5", "1e300", "-1e300", "1e-300", "9223372036854775808", "-9223372036854775809",
            "123456789012345678901234567890", "1E400", "2147483648"),
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e308"));

    private static readonly Gen<string> Deep =
        from n in Gen.Int[40, 400]
        from deep in Gen.OneOf(new string('[', n) + new string(']', n), string.Concat(Enumerable.Repeat("{\"a\":", n)) + "1" + new string('}', n))
        select deep;

    private static readonly Gen<string> Scalar = Gen.Frequency(
        (3, HostileText.Select(Quote)),
        (3, Number),
        (1, Gen.OneOf("null", "true", "false")));

    private static readonly Gen<string> Value = Gen.Frequency(
        (6, Scalar),
        (1, Deep),
        (1, Scalar.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
        (1, Gen.Select(HostileText, Scalar).Array[0, 3].Select(props => "{" + string.Join(",", props.Select(p => Quote(p.Item1) + ":" + p.Item2)) + "}")));

    /// <summary>A body for the route: most often its valid body with a few fields made hostile, else anything at all.</summary>
    private static Gen<Case> CaseOf(IReadOnlyList<Route> routes) =>
        from route in Gen.OneOf(routes.ToArray())
        from whole in Gen.Int[0, 9]
        from body in whole == 0
            ? Gen.OneOf(Value, Gen.Const(""))
            : Gen.Select(Gen.OneOf(route.Fields), Value).Array[1, 3]
                .Select(changes => Render(route.Baseline, "", changes.DistinctBy(c => c.Item1).ToDictionary(c => c.Item1, c => c.Item2)))
        select new Case(route, body);

    /// <summary>The JSON of <paramref name="node"/> with the values at some paths (<c>booths[0].x</c>) replaced by raw JSON.</summary>
    private static string Render(JsonNode? node, string path, IReadOnlyDictionary<string, string> raw)
    {
        if (raw.TryGetValue(path, out var replaced)) return replaced;
        switch (node)
        {
            case JsonObject obj:
                var added = raw.Keys.Where(k => !k.EndsWith(']') && Parent(k) == path).Select(Leaf);
                var names = obj.Select(p => p.Key).Concat(added).Distinct();
                return "{" + string.Join(",", names.Select(n => Quote(n) + ":" + Render(obj[n], Join(path, n), raw))) + "}";
            case JsonArray array:
                return "[" + string.Join(",", array.Select((item, i) => Render(item, $"{path}[{i}]", raw))) + "]";
            default:
                return node?.ToJsonString() ?? "null";
        }

        static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
        static string Parent(string key) => key.Contains('.') ? key[..key.LastIndexOf('.')] : "";
        static string Leaf(string key) => key.Contains('.') ? key[(key.LastIndexOf('.') + 1)..] : key;
    }

    /// <summary>Every path of a body's values (<c>zones</c>, <c>zones[0]</c>, <c>zones[0].groups</c>…), the fuzzer's targets.</summary>
    private static IEnumerable<string> Paths(JsonNode? node, string path)
    {
        if (path.Length > 0) yield return path;
        var children = node switch
        {
            JsonObject obj => obj.Select(p => (path.Length == 0 ? p.Key : $"{path}.{p.Key}", p.Value)),
            JsonArray array => array.Take(1).Select((item, i) => ($"{path}[{i}]", item)),
            _ => [],
        };
        foreach (var (child, value) in children)
        {
            foreach (var p in Paths(value, child)) yield return p;
        }
    }

    // ---- The run ----------------------------------------------------------------------------------------------------

    [Fact]
    public async Task Hostile_bodies_on_every_mutating_route_never_answer_5xx_and_refusals_change_nothing()
    {
        // A published first-come fair with an approved exhibitor (so holds and decisions have something to act on),
        // and a second fair for the lifecycle moves, which would otherwise close the first one.
        using var organiser = await fixture.OrganiserAsync();
        using var admin = fixture.Client();
        admin.As(await Api.LoginAsync(admin, "admin@demo.ocop"));
        var fairId = await Catalog.PublishedFairAsync(organiser, boothsPerProducer: 2);
        var lifecycleFairId = await Catalog.DraftFairAsync(organiser);
        (await organiser.PostAsJsonAsync($"api/fairs/{lifecycleFairId}/floor-plan/grid", Api.SmallGrid)).EnsureSuccessStatusCode();
        var producer = await Catalog.NewProducerAsync(fixture.Server, "Hợp tác xã Thử Lửa");
        var productId = await Catalog.AddProductAsync(producer.Http, Catalog.Product("Gạo nếp thử lửa"));
        var applicationId = await Catalog.ApplyAsync(producer.Http, fairId, productId);
        (await organiser.PostAsync($"api/fairs/{fairId}/applications/{applicationId}/approve", null)).EnsureSuccessStatusCode();
        var throwaway = await Catalog.NewProducerAsync(fixture.Server);
        using var anonymous = fixture.Client();

        // A registered buyer with one meeting request waiting for the exhibitor, in matching hours on the fair's first day.
        var buyer = await BuyerAccounts.NewAsync(fixture.Server, registerFor: fairId);
        var fair = await (await organiser.GetAsync($"api/fairs/{fairId}")).ReadJsonAsync();
        var hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(fair["startsAt"]!.GetValue<DateTimeOffset>(), hanoi).DateTime);
        (await organiser.PutAsJsonAsync($"api/fairs/{fairId}/matching-hours", MatchingHours(day))).EnsureSuccessStatusCode();
        var slot = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(7));
        var asked = await buyer.Http.PostAsJsonAsync($"api/fairs/{fairId}/meetings", new { producerId = producer.ProducerId, startsAt = slot });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var meetingId = (await asked.ReadJsonAsync())["meetingId"]!.GetValue<string>();
        var badge = (await (await buyer.Http.GetAsync($"api/fairs/{fairId}/buyers/me")).ReadJsonAsync())["badgeCode"]!.GetValue<string>();
        var context = new Context(producer.ProducerId, productId, applicationId, day, slot, badge);
        var drafted = await buyer.Http.PostAsJsonAsync($"api/fairs/{fairId}/deals", Baseline("POST /api/fairs/{fairId}/deals", context));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var dealId = (await drafted.ReadJsonAsync())["dealId"]!.GetValue<string>();

        var routes = await RoutesAsync(fixture.Client(), context);
        HttpClient ClientOf(Caller caller) => caller switch
        {
            Caller.Anonymous => anonymous,
            Caller.Throwaway => throwaway.Http,
            Caller.Admin => admin,
            Caller.Organiser => organiser,
            Caller.Buyer => buyer.Http,
            _ => producer.Http,
        };
        string PathOf(Route route) => route.Path
            .Replace("{fairId}", route.Path.EndsWith("/publish") || route.Path.EndsWith("/close-registration") || route.Path.EndsWith("/start")
                || route.Path.EndsWith("/close") ? lifecycleFairId : fairId)
            .Replace("{boothCode}", "A01").Replace("{applicationId}", applicationId).Replace("{productId}", productId).Replace("{id}", "n-fuzz")
            .Replace("{meetingId}", meetingId).Replace("{producerId}", producer.ProducerId).Replace("{dealId}", dealId);

        // What a refused request must leave as it was.
        async Task<JsonNode?[]> SnapshotAsync() =>
        [
            JsonNode.Parse(await organiser.GetStringAsync($"api/fairs/{fairId}")),
            JsonNode.Parse(await organiser.GetStringAsync($"api/fairs/{fairId}/floor")),
            JsonNode.Parse(await organiser.GetStringAsync($"api/fairs/{fairId}/applications")),
            JsonNode.Parse(await organiser.GetStringAsync($"api/fairs/{lifecycleFairId}")),
            JsonNode.Parse(await producer.Http.GetStringAsync("api/producers/me")),
            JsonNode.Parse(await producer.Http.GetStringAsync("api/me/applications")),
            JsonNode.Parse(await buyer.Http.GetStringAsync("api/buyers/me")),
            JsonNode.Parse(await buyer.Http.GetStringAsync($"api/fairs/{fairId}/buyers/me")),
            JsonNode.Parse(await organiser.GetStringAsync($"api/fairs/{fairId}/matching-hours")),
            JsonNode.Parse(await organiser.GetStringAsync($"api/fairs/{fairId}/meetings")),
            JsonNode.Parse(await buyer.Http.GetStringAsync($"api/fairs/{fairId}/matches")),
            JsonNode.Parse(await buyer.Http.GetStringAsync($"api/fairs/{fairId}/deals")),
            JsonNode.Parse(await producer.Http.GetStringAsync($"api/fairs/{fairId}/deals/{dealId}/versions")),
        ];

        var seen = new Dictionary<int, int>();
        await CaseOf(routes).SampleAsync(async c =>
        {
            var before = await SnapshotAsync();
            using var request = new HttpRequestMessage(new HttpMethod(c.Route.Method), PathOf(c.Route))
            {
                Content = new StringContent(c.Body, Encoding.UTF8, "application/json"),
            };
            var response = await ClientOf(c.Route.Caller).SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var status = (int)response.StatusCode;
            lock (seen) seen[status] = seen.GetValueOrDefault(status) + 1;

            Assert.True(status < 500, $"{c.Route.Key} answered {status}: {text}\n{LastLines(fixture.Server.Output, 40)}");
            var after = await SnapshotAsync();
            if (status >= 400)
            {
                Assert.True(
                    before.Zip(after).All(p => JsonNode.DeepEquals(p.First, p.Second)),
                    $"{c.Route.Key} was refused with {status} but changed what it refused: {text}");
                if (status == 400 && JsonNode.Parse(text) is JsonObject { } problem && problem["codes"] is JsonObject codes)
                {
                    foreach (var (field, list) in codes)
                    {
                        var words = problem["errors"]![field]!.AsArray().Select(w => w!.GetValue<string>());
                        Assert.DoesNotContain(words, w => list!.AsArray().Any(code => code!.GetValue<string>() == w));
                    }
                }
            }
            else
            {
                Assert.All(after, node => AssertNoControls(node, c.Route.Key));
            }
        }, iter: Requests, threads: 1, print: c => $"{c.Route.Key} {c.Body[..Math.Min(c.Body.Length, 400)]}");

        output.WriteLine(string.Join(", ", seen.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));

        // The run reached past the validation: some requests were accepted and some were refused for other reasons.
        Assert.Contains(seen.Keys, s => s is >= 200 and < 300);
        Assert.Contains(400, seen.Keys);
    }

    /// <summary>The mutating routes of the API description, with a valid body each and the paths of its fields.</summary>
    private sealed record Context(string ProducerId, string ProductId, string ApplicationId, DateOnly Day, DateTimeOffset Slot, string BadgeCode);

    private static object MatchingHours(DateOnly day) =>
        new { days = new[] { new { date = day, from = "08:00", to = "12:00" } }, slotMinutes = 20, requestExpiryMinutes = 120 };

    private static async Task<List<Route>> RoutesAsync(HttpClient http, Context context)
    {
        using var _ = http;
        var document = JsonNode.Parse(await http.GetStringAsync("openapi/v1.json"))!;
        var listed = new List<(string Key, string Method, string Path, string[] SchemaFields)>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (method is not ("post" or "put" or "patch")) continue;
                var reference = operation!["requestBody"]?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>();
                var schema = reference is null ? null : document["components"]!["schemas"]![reference.Split('/')[^1]];
                string[] fields = schema?["properties"] is JsonObject props ? [.. props.Select(p => p.Key)] : [];
                listed.Add(($"{method.ToUpperInvariant()} {path}", method.ToUpperInvariant(), path, fields));
            }
        }

        Assert.Equal(Callers.Keys.Order(StringComparer.Ordinal), listed.Select(l => l.Key).Order(StringComparer.Ordinal));
        return [.. listed.Select(l =>
        {
            var baseline = Baseline(l.Key, context);
            string[] fields = [.. Paths(baseline, "").Concat(l.SchemaFields).Append("unknown").Distinct()];
            return new Route(l.Key, l.Method, l.Path, Callers[l.Key], baseline, fields);
        })];
    }

    /// <summary>A body each route accepts (given the state it finds), which the fuzzer spoils a few fields at a time.</summary>
    private static JsonObject Baseline(string key, Context context)
    {
        var (producerId, productId, applicationId) = (context.ProducerId, context.ProductId, context.ApplicationId);
        object body = key switch
        {
            "POST /api/auth/register" or "POST /api/admin/users" =>
                new { email = $"fuzz-{Guid.NewGuid():N}@example.vn", password = "Mat-khau-9", role = "Buyer", displayName = "Người mua thử", locale = "vi" },
            "POST /api/auth/login" => new { email = "fuzz@example.vn", password = "sai-mat-khau" },
            "POST /api/auth/refresh" => new { refreshToken = "not-a-token" },
            "POST /api/fairs" or "PATCH /api/fairs/{fairId}" => Api.NewFair("Hội chợ thử lửa"),
            "PUT /api/fairs/{fairId}/floor-plan" => new
            {
                zones = new[] { new { code = "A", name = "Thực phẩm", groups = new[] { "Food" } }, new { code = "B", name = "Đồ uống", groups = new[] { "Beverages" } } },
                booths = Enumerable.Range(1, 6).Select(i => new
                {
                    code = $"A{i:00}", zone = "A", type = "Standard", areaM2 = 9, priceVnd = 2_000_000, x = 1 + (i * 3), y = 2, w = 3, h = 3, amenities = new[] { "power" },
                }).ToArray(),
            },
            "POST /api/fairs/{fairId}/floor-plan/grid" => Api.SmallGrid,
            "POST /api/fairs/{fairId}/allocation" => new { dryRun = true },
            "POST /api/fairs/{fairId}/booths/{boothCode}/assign" => new { producerId },
            "POST /api/fairs/{fairId}/applications/check" or "POST /api/fairs/{fairId}/applications" => new
            {
                productIds = new[] { productId },
                boothPreferences = new { types = new[] { "Corner" }, zones = new[] { "A" } },
                needs = new { power = true, coldStorage = false, water = false },
                note = "Cần điện.\nCảm ơn.",
            },
            "POST /api/fairs/{fairId}/applications/{applicationId}/reject" => new { reason = "Thiếu giấy chứng nhận." },
            "POST /api/fairs/{fairId}/applications/bulk" => new { action = "waitlist", applicationIds = new[] { applicationId }, reason = (string?)null },
            "PUT /api/producers/me" => Catalog.Profile("Hợp tác xã Thử Lửa"),
            "POST /api/producers/me/products" or "PUT /api/producers/me/products/{productId}" => Catalog.Product("Gạo nếp thử lửa"),
            "PUT /api/buyers/me" => BuyerAccounts.Supermarket(),
            "POST /api/fairs/{fairId}/check-in" => new { badgeCode = context.BadgeCode },
            "PUT /api/fairs/{fairId}/matching-hours" => MatchingHours(context.Day),
            "POST /api/fairs/{fairId}/meetings" => new { producerId, startsAt = context.Slot.AddMinutes(40), note = "Bàn về gạo nếp" },
            "POST /api/fairs/{fairId}/meetings/{meetingId}/decline" => new { reason = "Bận việc." },
            "POST /api/fairs/{fairId}/meetings/schedule" => new { dryRun = true, perBuyer = 3, lockAccepted = true },
            "POST /api/fairs/{fairId}/meetings/{meetingId}/propose" => new { startsAt = context.Slot.AddMinutes(20) },
            "POST /api/fairs/{fairId}/meetings/{meetingId}/cancel" => new { reason = "Đổi lịch." },
            "POST /api/fairs/{fairId}/deals" or "PUT /api/fairs/{fairId}/deals/{dealId}" => new
            {
                kind = "ConsumptionContract",
                producerId,
                lines = new[] { new { productId, quantity = 100, unit = "kg", unitPriceVnd = 30_000, months = 3 } },
                deliveryTerms = "Giao hàng tháng",
                market = new { export = false, name = "Hà Nội" },
                validFrom = context.Day,
                validTo = context.Day.AddMonths(3),
            },
            "POST /api/fairs/{fairId}/deals/{dealId}/sign" => new { version = 1 },
            "POST /api/fairs/{fairId}/deals/{dealId}/cancel" => new { reason = "Không thống nhất giá." },
            "POST /api/fairs/{fairId}/deals/{dealId}/follow-ups" => new { atMonths = 3, status = "Delivering", quantityDelivered = 10, unit = "kg", note = "Đã giao." },
            "POST /api/fairs/{fairId}/deals/{dealId}/show-prices" => new { show = true },
            _ => new { },
        };
        return JsonSerializerHelpers.With(body);
    }

    private static string LastLines(string text, int count) => string.Join('\n', text.Split('\n').TakeLast(count));

    private static void AssertNoControls(JsonNode? node, string route)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, value) in obj) AssertNoControls(value, route);
                break;
            case JsonArray array:
                foreach (var item in array) AssertNoControls(item, route);
                break;
            case JsonValue value when value.TryGetValue<string>(out var s):
                Assert.False(s.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')), $"{route} stored a control character: {Quote(s)}");
                break;
        }
    }
}
