using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using OcopFairs.Server.Tests.Infrastructure;
using SkiaSharp;

namespace OcopFairs.Server.Tests;

[Collection(ServerCollection.Name)]
public sealed class ProductPhotoTests(ServerFixture fixture)
{
    private static byte[] Image(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Orange);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient http, string productId, byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return await http.PutAsync($"api/producers/me/products/{productId}/photo", content);
    }

    [Fact]
    public async Task A_photo_is_resized_to_a_jpeg_shown_on_the_card_and_served_with_an_etag()
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server);
        var productId = await Catalog.AddProductAsync(producer.Http, Catalog.Product("Cam Cao Phong có ảnh"));

        var upload = await UploadAsync(producer.Http, productId, Image(2400, 1600, SKEncodedImageFormat.Png), "image/png");
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var photoUrl = (await upload.ReadJsonAsync())["photoUrl"]!.GetValue<string>();

        using var anonymous = fixture.Client();
        var card = await (await anonymous.GetAsync($"api/products/{productId}")).ReadJsonAsync();
        Assert.Equal(photoUrl, card["photoUrl"]!.GetValue<string>());

        var photo = await anonymous.GetAsync(photoUrl.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/jpeg", photo.Content.Headers.ContentType!.MediaType);
        Assert.True(photo.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromDays(365), photo.Headers.CacheControl.MaxAge);
        var etag = photo.Headers.ETag!;
        using var stored = SKBitmap.Decode(await photo.Content.ReadAsByteArrayAsync());
        Assert.Equal((1200, 800), (stored.Width, stored.Height));

        using var again = new HttpRequestMessage(HttpMethod.Get, $"api/products/{productId}/photo");
        again.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(again)).StatusCode);

        // Another photo, another address; removing it takes it off the card.
        var second = await (await UploadAsync(producer.Http, productId, Image(300, 300, SKEncodedImageFormat.Jpeg), "image/jpeg")).ReadJsonAsync();
        Assert.NotEqual(photoUrl, second["photoUrl"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await producer.Http.DeleteAsync($"api/producers/me/products/{productId}/photo")).StatusCode);
        Assert.Null((await (await anonymous.GetAsync($"api/products/{productId}")).ReadJsonAsync())["photoUrl"]);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"api/products/{productId}/photo")).StatusCode);
    }

    [Fact]
    public async Task Photos_over_5_MB_or_not_an_image_by_their_bytes_are_refused_in_words()
    {
        var producer = await Catalog.NewProducerAsync(fixture.Server);
        var productId = await Catalog.AddProductAsync(producer.Http, Catalog.Product("Bưởi Diễn không ảnh"));

        var big = new byte[(5 * 1024 * 1024) + 1];
        Image(10, 10, SKEncodedImageFormat.Jpeg).CopyTo(big, 0);
        var tooBig = await UploadAsync(producer.Http, productId, big, "image/jpeg");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        Assert.Equal("photo.tooLarge", (await tooBig.ReadJsonAsync())["code"]!.GetValue<string>());

        // Named and declared a JPEG, but a GIF by its bytes; an SVG (a script carrier) is refused the same way.
        using var gif = new HttpRequestMessage(HttpMethod.Put, $"api/producers/me/products/{productId}/photo")
        {
            Content = new ByteArrayContent("GIF89a\x01\0\x01\0\0\0\0;"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } },
            Headers = { { "Accept-Language", "en" } },
        };
        var wrongType = await producer.Http.SendAsync(gif);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        var problem = await wrongType.ReadJsonAsync();
        Assert.Equal("photo.unsupportedType", problem["code"]!.GetValue<string>());
        Assert.Contains("JPEG, PNG or WebP", problem["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await UploadAsync(producer.Http, productId, "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray(), "image/png")).StatusCode);

        // JPEG's first bytes and then nothing an image is made of.
        var broken = await UploadAsync(producer.Http, productId, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4], "image/jpeg");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);

        Assert.Null((await (await producer.Http.GetAsync($"api/products/{productId}")).ReadJsonAsync())["photoUrl"]);
    }

    [Fact]
    public async Task Only_the_products_owner_may_set_its_photo()
    {
        var owner = await Catalog.NewProducerAsync(fixture.Server);
        var other = await Catalog.NewProducerAsync(fixture.Server);
        var productId = await Catalog.AddProductAsync(owner.Http, Catalog.Product("Mật ong rừng"));

        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(other.Http, productId, Image(20, 20, SKEncodedImageFormat.Png), "image/png")).StatusCode);
        using var anonymous = fixture.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await UploadAsync(anonymous, productId, Image(20, 20, SKEncodedImageFormat.Png), "image/png")).StatusCode);
    }

    [Fact]
    public async Task The_card_shows_the_producers_contact_only_to_a_signed_in_reader_and_its_booth_at_the_fair_asked_for()
    {
        using var organiser = await fixture.OrganiserAsync();
        var fairId = await Rush.FirstComeFairAsync(organiser, booths: 3);
        var producer = (await Rush.ApprovedProducersAsync(fixture.Server, organiser, fairId, 1))[0];
        var productId = JsonNode.Parse(await producer.Http.GetStringAsync("api/producers/me"))!["products"]![0]!["productId"]!.GetValue<string>();
        (await producer.Http.PostAsync($"api/fairs/{fairId}/booths/H02/hold", null)).EnsureSuccessStatusCode();

        using var anonymous = fixture.Client();
        var publicCard = await (await anonymous.GetAsync($"api/products/{productId}?fair={fairId}")).ReadJsonAsync();
        Assert.Null(publicCard["producer"]!["contact"]);
        var booth = Assert.Single(publicCard["booths"]!.AsArray())!;
        Assert.Equal("H02", booth["boothCode"]!.GetValue<string>());
        Assert.Equal("Thực phẩm", booth["zoneName"]!.GetValue<string>());
        Assert.Null((await (await anonymous.GetAsync($"api/products/{productId}")).ReadJsonAsync())["booths"]);

        var signedIn = await (await organiser.GetAsync($"api/products/{productId}")).ReadJsonAsync();
        Assert.NotNull(signedIn["producer"]!["contact"]);
    }
}
