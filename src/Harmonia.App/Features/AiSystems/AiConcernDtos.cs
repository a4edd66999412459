namespace Harmonia.App.Features.AiSystems;

public static class AiConcernValues
{
    public static readonly string[] Kinds = ["incident", "concern"];
    public static readonly string[] Severities = ["low", "medium", "high"];
    public const string Open = "open";
    public const string Closed = "closed";
}

/// <summary>What a client sends to report an AI incident or concern.</summary>
public sealed record AiConcernInput(string? Kind, string? AiSystem, string? Severity, string? Description, string? ReportedBy, DateOnly? ReportedOn);

/// <summary>How a concern was dealt with, to close it.</summary>
public sealed record AiConcernClosure(string? Resolution, DateOnly? ClosedOn);

public sealed record AiConcernDto(
    Guid Id, string Key, string Kind, string? AiSystem, string Severity, string Description, string ReportedBy, DateOnly ReportedOn,
    string Status, string? Resolution, DateOnly? ClosedOn, string RecordedBy, int Version)
{
    internal static AiConcernDto From(AiConcernRecord c) => new(
        c.Id, c.Key, c.Kind, c.AiSystemKey, c.Severity, c.Description, c.ReportedBy, c.ReportedOn, c.Status, c.Resolution, c.ClosedOn, c.RecordedBy, c.Version);
}
