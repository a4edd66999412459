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
    /// <param name="aiSystem">The current key of the AI system it is about, when one is named.</param>
    internal static AiConcernDto From(AiConcernRecord c, string? aiSystem) => new(
        c.Id, c.Key, c.Kind, aiSystem, c.Severity, c.Description, c.ReportedBy, c.ReportedOn, c.Status, c.Resolution, c.ClosedOn, c.RecordedBy, c.Version);

    /// <param name="aiSystemKeys">AI system id -> current key.</param>
    internal static AiConcernDto From(AiConcernRecord c, IReadOnlyDictionary<Guid, string> aiSystemKeys) =>
        From(c, c.AiSystemId is { } id ? aiSystemKeys.GetValueOrDefault(id) : null);
}
