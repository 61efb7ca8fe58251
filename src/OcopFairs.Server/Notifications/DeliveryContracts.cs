using System.Collections.Immutable;
using System.Globalization;

namespace OcopFairs.Server.Notifications;

/// <summary>
/// One notice to one user: what it is about (<see cref="Kind"/> and <see cref="Subject"/>, e.g. <c>meeting.soon</c> and a
/// meeting id), the facts its words are built from, and the page it links to. (Kind, Subject, RecipientUserId) is the
/// delivery key: however often a job retries or the server restarts, it reaches the inbox once and is mailed at most once.
/// </summary>
public sealed record Reminder(
    string Kind,
    string Subject,
    string RecipientUserId,
    string? FairId,
    ImmutableDictionary<string, string> Facts,
    string? Link,
    DateTimeOffset DueAt);

/// <summary>
/// The one way a notice leaves the server: a durable delivery record, the inbox entry, then e-mail when the recipient
/// wants that kind by e-mail, outside quiet hours, and SMTP is configured. Exactly once per delivery key.
/// </summary>
public interface IReminderOutbox
{
    /// <summary>Delivers <paramref name="reminder"/>; true when this call delivered it, false when it was delivered before.</summary>
    Task<bool> DeliverAsync(Reminder reminder, CancellationToken cancellationToken = default);
}

/// <summary>A file attached to a mail, such as a calendar invitation (<c>text/calendar; method=REQUEST</c>).</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>
/// A mail ready to send. <see cref="MessageId"/> is derived from the delivery record, so a resend after a crash between
/// sending and recording carries the same Message-ID.
/// </summary>
public sealed record OutgoingMail(
    string To,
    string Subject,
    string Text,
    string Html,
    string MessageId,
    ImmutableArray<MailAttachment> Attachments);

/// <summary>SMTP through MailKit; <see cref="Enabled"/> is false when no SMTP host is configured (the inbox still works).</summary>
public interface IMailSender
{
    bool Enabled { get; }

    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

/// <summary>The words of a mail in the reader's language: subject, plain text and HTML.</summary>
public sealed record MailContent(string Subject, string Text, string Html);

/// <summary>Vietnamese and English mail templates for notices and for accounts (password reset, e-mail confirmation).</summary>
public interface IMailTemplates
{
    MailContent Reminder(Reminder reminder, CultureInfo culture);

    MailContent PasswordReset(string displayName, Uri resetLink, CultureInfo culture);

    MailContent ConfirmEmail(string displayName, Uri confirmLink, CultureInfo culture);
}

/// <summary>
/// Calendar files a notice's mail carries: a meeting's invitation (method REQUEST, or CANCEL when it was cancelled) with
/// a stable UID and a SEQUENCE that grows on each reschedule; none for other kinds.
/// </summary>
public interface ICalendarAttachments
{
    Task<ImmutableArray<MailAttachment>> ForAsync(Reminder reminder, CultureInfo culture, CancellationToken cancellationToken = default);
}
