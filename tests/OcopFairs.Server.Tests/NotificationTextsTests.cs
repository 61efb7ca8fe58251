using System.Collections.Immutable;
using System.Globalization;
using OcopFairs.Abstractions;
using OcopFairs.Server.Notifications;

namespace OcopFairs.Server.Tests;

public sealed class NotificationTextsTests
{
    private static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en");

    private static Notification Of(string kind, params (string Key, string Value)[] facts) =>
        Notification.Of("k", kind, "f1", DateTimeOffset.UnixEpoch, facts.ToImmutableDictionary(f => f.Key, f => f.Value));

    [Fact]
    public void Entries_stored_before_kinds_had_facts_keep_their_words()
    {
        var old = new Notification("n1", "k", "hold-expired", "Hết thời gian giữ gian hàng A01", "Gian hàng đã được mở lại.", "f1", DateTimeOffset.UnixEpoch, null);
        Assert.Equal(("Hết thời gian giữ gian hàng A01", "Gian hàng đã được mở lại."), NotificationTexts.Render(old, En));
        Assert.Empty(NotificationView.From(old, En).Facts);
    }

    [Fact]
    public void A_reminder_names_the_local_time_of_the_fair_in_either_language()
    {
        var n = Of("fair-start-1d", ("fairName", "Hội chợ OCOP"), ("at", "2026-03-15T01:30:00+00:00"), ("timeZone", "Asia/Ho_Chi_Minh"), ("venue", "Quảng trường Hòa Bình"));
        Assert.Equal(("Hội chợ Hội chợ OCOP khai mạc ngày mai", "Hội chợ khai mạc lúc 15/03/2026 08:30 tại Quảng trường Hòa Bình."), NotificationTexts.Render(n, Vi));
        Assert.Equal(("Hội chợ OCOP starts tomorrow", "The fair opens at 15/03/2026 08:30 at Quảng trường Hòa Bình."), NotificationTexts.Render(n, En));
    }

    [Fact]
    public void A_rejection_gives_its_reason()
    {
        var n = Of("application.rejected", ("fairName", "Hội chợ OCOP"), ("status", "Rejected"), ("reason", "Thiếu giấy VSATTP"));
        Assert.Equal(("Hội chợ OCOP: hồ sơ bị từ chối", "Lý do: Thiếu giấy VSATTP"), NotificationTexts.Render(n, Vi));
        Assert.Equal(("Hội chợ OCOP: application rejected", "Reason: Thiếu giấy VSATTP"), NotificationTexts.Render(n, En));
    }

    [Fact]
    public void An_unknown_kind_is_worded_neutrally_never_as_its_code()
    {
        var (title, body) = NotificationTexts.Render(Of("deal.signed", ("fairName", "Hội chợ OCOP")), En);
        Assert.Equal("Hội chợ OCOP", title);
        Assert.DoesNotContain("deal.signed", body);
    }
}
