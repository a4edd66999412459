namespace Harmonia.App.Features.Certification;

/// <param name="Standards">iso27001-2022 and/or iso42001-2023.</param>
/// <param name="RequirementIds">Requirements the audit concentrates on; none means the whole of the standards.</param>
/// <param name="Passphrase">The inviter's own passphrase (API only): inviting grants a role, which a token alone may not do.</param>
public sealed record EngagementInput(
    string? Title,
    string? AuditorEmail,
    IReadOnlyList<string>? Standards,
    IReadOnlyList<string>? RequirementIds,
    DateOnly? PeriodFrom,
    DateOnly? PeriodTo,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    string? Passphrase = null);

public sealed record EngagementSummaryDto(
    Guid Id,
    string Title,
    string AuditorEmail,
    IReadOnlyList<string> Standards,
    IReadOnlyList<string> RequirementIds,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string Status,
    int Version);

public sealed record EvidenceRequestDto(
    Guid Id,
    int Number,
    string Text,
    DateOnly DueOn,
    Guid? AssigneeUserId,
    string? AssigneeEmail,
    string State,
    Guid? EvidenceId,
    string? EvidenceTitle,
    string? Answer,
    string? Comment,
    bool Overdue,
    int Version);

public sealed record SampleItemDto(string Id, string Label);

public sealed record EngagementSampleDto(
    Guid Id,
    string Population,
    int PopulationSize,
    string PopulationFingerprint,
    int Size,
    long Seed,
    string Method,
    IReadOnlyList<SampleItemDto> Selected,
    DateTime DrawnUtc);

public sealed record EngagementFindingDto(Guid Id, string Grade, string GradeLabel, string Text, IReadOnlyList<string> RequirementIds, DateOnly RaisedOn, Guid? NonconformityId);

public sealed record EngagementDto(
    EngagementSummaryDto Engagement,
    IReadOnlyList<EvidenceRequestDto> Requests,
    IReadOnlyList<EngagementSampleDto> Samples,
    IReadOnlyList<EngagementFindingDto> Findings);

/// <param name="InvitationToken">The secret of the invitation link when a new invitation was issued (shown once).</param>
public sealed record EngagementCreated(EngagementSummaryDto Engagement, Accounts.InvitationDto? Invitation, string? InvitationToken);

/// <param name="AssigneeEmail">The member who answers it.</param>
public sealed record EvidenceRequestInput(string? Text, DateOnly? DueOn, string? AssigneeEmail);

/// <param name="EvidenceId">Evidence already in Harmonia (upload first through the evidence routes, then link).</param>
public sealed record EvidenceAnswerInput(Guid? EvidenceId, string? Answer);

/// <param name="Decision">accept or return.</param>
public sealed record EvidenceJudgementInput(string? Decision, string? Comment);

/// <param name="Population">evidence, risks, nonconformities or audit-results.</param>
/// <param name="Seed">Leave empty for a fresh random seed; give the stored seed to draw the same sample again.</param>
public sealed record SampleInput(string? Population, int? Size, long? Seed);

/// <param name="Grade">minor, major or observation.</param>
public sealed record EngagementFindingInput(string? Grade, string? Text, IReadOnlyList<string>? RequirementIds);
