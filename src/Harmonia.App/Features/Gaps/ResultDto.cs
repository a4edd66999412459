namespace Harmonia.App.Features.Gaps;

/// <summary>A result a person entered for one requirement; it wins over anything derived or inferred.</summary>
public sealed record ResultDto(string RequirementId, string Result, string? Reason);

public sealed record ResultInput(string? Result, string? Reason);
