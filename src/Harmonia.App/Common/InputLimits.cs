namespace Harmonia.App.Common;

/// <summary>
/// Limits on untrusted structured input (organization files, questionnaire answers, uploaded YAML/JSON): one
/// request must never take the server down for every tenant (issue 20). Hosts bind them from the "Limits"
/// configuration section; the defaults are generous for real files and far below what hurts.
/// </summary>
public sealed record InputLimits
{
    public static InputLimits Default { get; } = new();

    /// <summary>Largest organization file, answers file or request body read as text.</summary>
    public long MaxTextBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and sequences; real files nest fewer than 8 levels.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Most parser events (scalars, mapping and sequence starts and ends) in one document.</summary>
    public int MaxNodes { get; init; } = 250_000;

    /// <summary>Longest a parse may take before it is abandoned.</summary>
    public TimeSpan MaxParseTime { get; init; } = TimeSpan.FromSeconds(5);

    public static string Describe(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MB"
        : bytes >= 1024 ? $"{bytes / 1024} KB"
        : $"{bytes} bytes";
}
