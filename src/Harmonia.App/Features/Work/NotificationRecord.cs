using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Work;

/// <summary>Where the e-mail of a notification stands.</summary>
public enum MailState
{
    /// <summary>Shown in the app only (the person does not want this by e-mail, or no SMTP server is configured).</summary>
    None,
    Pending,

    /// <summary>Claimed by one node while it talks to the SMTP server.</summary>
    Sending,
    Sent,

    /// <summary>Refused or unreachable after every retry.</summary>
    Failed,

    /// <summary>A node stopped while sending, so whether the message left is unknown; never sent again, so never twice.</summary>
    Uncertain,
}

/// <summary>
/// A reminder or notice for one person: always in their inbox (unless <see cref="Hidden"/>), and by e-mail when they
/// want it. Written by the system, not by people, so it is an organization row outside the audit trail; the settings
/// that steer it are audited. (OrganizationId, UserId, Key) is unique: the key names the occurrence and threshold.
/// </summary>
public sealed class NotificationRecord : IOrganizationRow
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid UserId { get; set; }

    public required string Kind { get; set; }

    public required string Key { get; set; }

    public required string Subject { get; set; }

    /// <summary>The message in plain text (the e-mail's text part and the inbox entry).</summary>
    public required string Text { get; set; }

    /// <summary>The record's page, site-relative (/orgs/{id}/...).</summary>
    public string? Link { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime? ReadUtc { get; set; }

    /// <summary>
    /// Assignments that existed before the organization's first sweep: recorded so they are never announced later,
    /// but not shown (a new installation does not greet people with one notice per existing item).
    /// </summary>
    public bool Hidden { get; set; }

    public MailState Mail { get; set; }

    public int MailAttempts { get; set; }

    public DateTime? MailNextAttemptUtc { get; set; }

    public DateTime? MailClaimedUntilUtc { get; set; }

    public DateTime? MailSentUtc { get; set; }

    public string? MailLastError { get; set; }

    /// <summary>A new notice; with <paramref name="emails"/> its e-mail is queued for the next delivery pass.</summary>
    public static NotificationRecord New(Guid organizationId, Guid userId, string kind, string key, string subject, string text, string link, DateTime now, bool emails, bool hidden = false) => new()
    {
        Id = Guid.CreateVersion7(),
        OrganizationId = organizationId,
        UserId = userId,
        Kind = kind,
        Key = key,
        Subject = subject.Length <= 300 ? subject : subject[..299] + "…",
        Text = text,
        Link = link,
        CreatedUtc = now,
        ReadUtc = hidden ? now : null,
        Hidden = hidden,
        Mail = emails ? MailState.Pending : MailState.None,
        MailNextAttemptUtc = emails ? now : null,
    };
}
