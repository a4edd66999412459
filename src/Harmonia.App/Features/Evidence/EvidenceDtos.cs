using Harmonia.Domain.Gaps;

namespace Harmonia.App.Features.Evidence;

public sealed record EvidenceVersionDto(
    int Number,
    string Kind,
    string? FileName,
    string? ContentType,
    string? Sha256,
    long? SizeBytes,
    string? Url,
    string? Note,
    DateOnly? EffectiveOn,
    DateOnly? ExpiresOn,
    DateTime CreatedUtc,
    string CreatedBy)
{
    public static EvidenceVersionDto From(EvidenceVersion v) =>
        new(v.Number, v.Kind, v.FileName, v.ContentType, v.Sha256, v.SizeBytes, v.Url, v.Note, v.EffectiveOn, v.ExpiresOn, v.CreatedUtc, v.CreatedBy);

    public bool IsExpiredOn(DateOnly day) => ExpiresOn is { } expires && expires < day;
}

/// <summary>One piece of evidence as lists show it: its current version.</summary>
public sealed record EvidenceSummaryDto(Guid Id, Guid ControlId, string Title, EvidenceVersionDto Current)
{
    public string Kind => Current.Kind;

    public DateOnly? EffectiveOn => Current.EffectiveOn;

    public DateOnly? ExpiresOn => Current.ExpiresOn;

    /// <summary>Needs the versions loaded; the newest is current.</summary>
    public static EvidenceSummaryDto From(EvidenceRecord e) =>
        new(e.Id, e.ControlId, e.Title, EvidenceVersionDto.From(e.Versions.Single(v => v.Number == e.CurrentVersion)));

    public EvidenceReference ToReference() => new(
        Title,
        Current.EffectiveOn,
        Current.ExpiresOn,
        Current.Kind switch
        {
            EvidenceKinds.File => EvidenceKind.File,
            EvidenceKinds.Link => EvidenceKind.Link,
            _ => EvidenceKind.Record,
        },
        Current.Url ?? Current.FileName,
        Current.Sha256,
        Current.Note);
}

/// <summary>One piece of evidence with its control and every version, newest first.</summary>
public sealed record EvidenceDetailDto(Guid Id, Guid ControlId, string ControlKey, string ControlName, string Title, IReadOnlyList<EvidenceVersionDto> Versions)
{
    public EvidenceVersionDto Current => Versions[0];
}

/// <summary>What a client sends for a new piece of evidence or a new version of one.</summary>
/// <param name="Title">Required for new evidence; a new version keeps the evidence's title.</param>
/// <param name="Url">A link; leave empty for a file upload or a record kept elsewhere.</param>
public sealed record EvidenceInput(string? Title, string? Url, string? Note, DateOnly? EffectiveOn, DateOnly? ExpiresOn);

/// <summary>A file arriving with the request, read once, hashed while it streams into the store.</summary>
/// <param name="ExpectedSha256">The hash the client computed, when it sent one.</param>
public sealed record EvidenceUpload(Stream Content, string? FileName, string? ExpectedSha256);
