using Harmonia.Domain.Consistency;

namespace Harmonia.App.Features.Consistency;

/// <summary>A generated document that states a contradicted fact, so it cannot be published while the finding is open.</summary>
public sealed record AffectedDocumentDto(string TemplateId, string Title);

/// <summary>Where to fix a finding: the answer key, the AI system key or the control key, and the record's id when there is one.</summary>
public sealed record ConsistencyFixDto(ConsistencyFixKind Kind, string Key, Guid? RecordId);

public sealed record ConsistencyAcknowledgementDto(string Reason, string By, DateTime AcknowledgedUtc);

/// <param name="Acknowledgement">The acknowledgement given for the current facts; null while the finding is open.</param>
/// <param name="VoidAcknowledgement">The latest acknowledgement given for earlier facts, which no longer counts.</param>
public sealed record ConsistencyFindingDto(
    string Id,
    string Rule,
    string Title,
    string Message,
    string Fingerprint,
    IReadOnlyList<AffectedDocumentDto> Documents,
    IReadOnlyList<ConsistencyFixDto> FixAt,
    ConsistencyAcknowledgementDto? Acknowledgement,
    ConsistencyAcknowledgementDto? VoidAcknowledgement)
{
    /// <summary>Open findings block the publication of their documents.</summary>
    public bool Open => Acknowledgement is null;
}

public sealed record ConsistencyReport(int Open, int Acknowledged, IReadOnlyList<ConsistencyFindingDto> Findings)
{
    public IEnumerable<ConsistencyFindingDto> OpenFor(string templateId) => Findings.Where(f => f.Open && f.Documents.Any(d => d.TemplateId == templateId));
}

/// <param name="Finding">The finding's id, as the report gives it.</param>
/// <param name="Fingerprint">Optional: the fingerprint the person read; a different current one means the facts changed meanwhile.</param>
public sealed record AcknowledgeFindingInput(string? Finding, string? Fingerprint, string? Reason);
