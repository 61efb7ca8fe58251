using System.Collections.Immutable;
using System.Globalization;
using OcopFairs.Abstractions;
using OcopFairs.Server.Infrastructure;

namespace OcopFairs.Server.Notifications;

/// <summary>The kinds of inbox entry, and the facts each one carries.</summary>
public static class NotificationKinds
{
    /// <summary>An application's new status: <c>application.approved</c> and so on. Facts: fairName, status, reason?.</summary>
    public static string Application(ApplicationStatus status) => "application." + status.ToString().ToLowerInvariant();

    // Booth changes to the reader's booth. Facts: fairName, boothCode, zone?, holdExpiresAt?, timeZone?.
    public const string BoothHeld = "booth.held";
    public const string BoothConfirmed = "booth.confirmed";
    public const string BoothReleased = "booth.released";
    public const string BoothExpired = "booth.expired";
    public const string BoothAssigned = "booth.assigned";
    public const string BoothUnassigned = "booth.unassigned";

    // Meetings at the booths, to the side that must act or should know. Facts: fairName, party (the other side's name),
    // at, timeZone, place, reason?.
    public const string MeetingRequested = "meeting.requested";
    public const string MeetingProposed = "meeting.proposed";
    public const string MeetingAccepted = "meeting.accepted";
    public const string MeetingDeclined = "meeting.declined";
    public const string MeetingCancelled = "meeting.cancelled";
    public const string MeetingExpired = "meeting.expired";

    // Reminders to the organiser use the reminder kinds (Reminders.ReminderKinds). Facts: fairName, at, timeZone, venue.

    public static class Facts
    {
        public const string FairName = "fairName";
        public const string Status = "status";
        public const string Reason = "reason";
        public const string BoothCode = "boothCode";
        public const string Zone = "zone";
        public const string HoldExpiresAt = "holdExpiresAt";
        public const string At = "at";
        public const string TimeZone = "timeZone";
        public const string Venue = "venue";
        public const string Party = "party";
        public const string Place = "place";
    }
}

/// <summary>What the inbox answers: an entry worded in the reader's language.</summary>
public sealed record NotificationView(
    string Id,
    string Kind,
    string Title,
    string Body,
    string? FairId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt,
    IReadOnlyDictionary<string, string> Facts)
{
    public static NotificationView From(Notification n, CultureInfo culture)
    {
        var (title, body) = NotificationTexts.Render(n, culture);
        return new NotificationView(n.Id, n.Kind, title, body, n.FairId, n.CreatedAt, n.ReadAt,
            n.Facts ?? ImmutableDictionary<string, string>.Empty);
    }
}

/// <summary>
/// Words an inbox entry from its kind and facts, in Vietnamese or English. Entries stored before kinds had facts keep
/// their stored text; an unknown kind (a newer node's) falls back to a neutral sentence rather than a code.
/// </summary>
public static class NotificationTexts
{
    public static (string Title, string Body) Render(Notification n, CultureInfo culture)
    {
        if (n.Facts is not { } facts)
        {
            return (n.Title, n.Body);
        }

        var en = ErrorText.IsEnglish(culture);
        string F(string key) => facts.GetValueOrDefault(key) ?? string.Empty;
        var fair = F(NotificationKinds.Facts.FairName);
        var booth = F(NotificationKinds.Facts.BoothCode);
        var zone = F(NotificationKinds.Facts.Zone);
        var where = zone.Length == 0 ? booth : en ? $"{booth} (zone {zone})" : $"{booth} (khu {zone})";
        var until = Local(facts, NotificationKinds.Facts.HoldExpiresAt, en);
        var at = Local(facts, NotificationKinds.Facts.At, en);
        var venue = F(NotificationKinds.Facts.Venue);
        var party = F(NotificationKinds.Facts.Party);
        var why = F(NotificationKinds.Facts.Reason);
        var place = F(NotificationKinds.Facts.Place) is { Length: > 0 } p && p.StartsWith("booth:", StringComparison.Ordinal)
            ? (en ? "booth " : "gian hàng ") + p["booth:".Length..]
            : en ? "a matching-area table" : "bàn kết nối giao thương";

        if (n.Kind.StartsWith("application.", StringComparison.Ordinal))
        {
            var status = ErrorText.Get("status." + F(NotificationKinds.Facts.Status), culture).ToLower(culture);
            var reason = F(NotificationKinds.Facts.Reason);
            return (
                en ? $"{fair}: application {status}" : $"{fair}: hồ sơ {status}",
                reason.Length > 0
                    ? (en ? $"Reason: {reason}" : $"Lý do: {reason}")
                    : (en ? $"Your application is now {status}." : $"Hồ sơ đăng ký của bạn: {status}."));
        }

        return n.Kind switch
        {
            NotificationKinds.BoothHeld => en
                ? ($"{fair}: you hold booth {booth}", $"Booth {where} is held for you until {until}. Confirm it before then or it is freed.")
                : ($"{fair}: bạn đang giữ gian hàng {booth}", $"Gian hàng {where} được giữ cho bạn đến {until}. Hãy xác nhận trước thời điểm đó, nếu không gian hàng sẽ được mở lại."),
            NotificationKinds.BoothConfirmed => en
                ? ($"{fair}: booth {booth} confirmed", $"Booth {where} is yours for the fair.")
                : ($"{fair}: đã xác nhận gian hàng {booth}", $"Gian hàng {where} là của bạn trong hội chợ."),
            NotificationKinds.BoothReleased => en
                ? ($"{fair}: booth {booth} released", $"You released booth {where}; it is free for others again.")
                : ($"{fair}: đã trả gian hàng {booth}", $"Bạn đã trả gian hàng {where}; gian hàng được mở lại cho người khác."),
            NotificationKinds.BoothExpired => en
                ? ($"{fair}: your hold on booth {booth} expired", "The booth was not confirmed in time and is free again. You can hold another free booth.")
                : ($"{fair}: hết thời gian giữ gian hàng {booth}", "Gian hàng chưa được xác nhận kịp thời và đã được mở lại. Bạn có thể giữ một gian hàng trống khác."),
            NotificationKinds.BoothAssigned => en
                ? ($"{fair}: booth {booth} assigned to you", $"The organiser placed you at booth {where}.")
                : ($"{fair}: bạn được xếp gian hàng {booth}", $"Ban tổ chức đã xếp bạn vào gian hàng {where}."),
            NotificationKinds.BoothUnassigned => en
                ? ($"{fair}: booth {booth} taken back", $"The organiser took back booth {where}. Your other booths are unchanged.")
                : ($"{fair}: gian hàng {booth} đã bị thu hồi", $"Ban tổ chức đã thu hồi gian hàng {where}. Các gian hàng khác của bạn không thay đổi."),
            NotificationKinds.MeetingRequested => en
                ? ($"{fair}: {party} asks to meet", $"{party} asks to meet you at {place} at {at}. Accept, decline or propose another time.")
                : ($"{fair}: {party} muốn gặp bạn", $"{party} đề nghị gặp bạn tại {place} lúc {at}. Hãy chấp nhận, từ chối hoặc đề xuất giờ khác."),
            NotificationKinds.MeetingProposed => en
                ? ($"{fair}: {party} proposes another time", $"{party} proposes to meet at {place} at {at}. Accept or decline.")
                : ($"{fair}: {party} đề xuất giờ gặp khác", $"{party} đề xuất gặp tại {place} lúc {at}. Hãy chấp nhận hoặc từ chối."),
            NotificationKinds.MeetingAccepted => en
                ? ($"{fair}: meeting with {party} confirmed", $"You meet {party} at {place} at {at}.")
                : ($"{fair}: đã xác nhận lịch gặp {party}", $"Bạn gặp {party} tại {place} lúc {at}."),
            NotificationKinds.MeetingDeclined => en
                ? ($"{fair}: meeting with {party} declined", why.Length > 0 ? $"The meeting at {at} will not take place. Reason: {why}" : $"The meeting at {at} will not take place.")
                : ($"{fair}: lịch gặp {party} bị từ chối", why.Length > 0 ? $"Cuộc gặp lúc {at} sẽ không diễn ra. Lý do: {why}" : $"Cuộc gặp lúc {at} sẽ không diễn ra."),
            NotificationKinds.MeetingCancelled => en
                ? ($"{fair}: meeting with {party} cancelled", why.Length > 0 ? $"The meeting at {at} is cancelled. Reason: {why}" : $"The meeting at {at} is cancelled.")
                : ($"{fair}: lịch gặp {party} đã hủy", why.Length > 0 ? $"Cuộc gặp lúc {at} đã bị hủy. Lý do: {why}" : $"Cuộc gặp lúc {at} đã bị hủy."),
            NotificationKinds.MeetingExpired => en
                ? ($"{fair}: request to meet {party} expired", $"The request for {at} was not answered in time; the slot is free again.")
                : ($"{fair}: yêu cầu gặp {party} đã hết hạn", $"Yêu cầu gặp lúc {at} không được trả lời kịp thời; khung giờ đã được mở lại."),
            Reminders.ReminderKinds.RegistrationClosing => en
                ? ($"Registration for {fair} closes tomorrow", $"Registration closes at {at}.")
                : ($"Hội chợ {fair} sắp đóng đăng ký", $"Đăng ký đóng lúc {at}."),
            Reminders.ReminderKinds.FairStart7Days => en
                ? ($"{fair} starts in 7 days", $"The fair opens at {at} at {venue}.")
                : ($"Còn 7 ngày đến hội chợ {fair}", $"Hội chợ khai mạc lúc {at} tại {venue}."),
            Reminders.ReminderKinds.FairStart1Day => en
                ? ($"{fair} starts tomorrow", $"The fair opens at {at} at {venue}.")
                : ($"Hội chợ {fair} khai mạc ngày mai", $"Hội chợ khai mạc lúc {at} tại {venue}."),
            _ => en ? (fair.Length > 0 ? fair : "Notice", "There is news about your fair.") : (fair.Length > 0 ? fair : "Thông báo", "Có thông tin mới về hội chợ của bạn."),
        };
    }

    /// <summary>An instant fact as dd/MM/yyyy HH:mm in the fact's time zone (the fair's; Vietnam when none is given).</summary>
    private static string Local(ImmutableDictionary<string, string> facts, string key, bool en)
    {
        if (!facts.TryGetValue(key, out var text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return string.Empty;
        }

        var zone = Domain.FairRules.TryFindTimeZone(facts.GetValueOrDefault(NotificationKinds.Facts.TimeZone) ?? "Asia/Ho_Chi_Minh", out var tz)
            ? tz
            : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(at, zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.GetCultureInfo(en ? "en-GB" : "vi-VN"));
    }

    /// <summary>An instant as a fact: round-trip ISO 8601.</summary>
    public static string Instant(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
