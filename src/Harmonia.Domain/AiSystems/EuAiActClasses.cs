namespace Harmonia.Domain.AiSystems;

/// <summary>A risk class of the EU AI Act as an AI system records it.</summary>
public sealed record EuAiActClass(string Token, string Name);

/// <summary>The one list of EU AI Act classes: the AI system inventory and the Act's catalog both use these tokens.</summary>
public static class EuAiActClasses
{
    public static IReadOnlyList<EuAiActClass> All { get; } =
    [
        new("prohibited", "Prohibited practice"),
        new("high-risk", "High-risk"),
        new("limited", "Limited risk"),
        new("minimal", "Minimal risk"),
        new("gpai", "General-purpose AI model"),
    ];

    public static IEnumerable<string> Tokens => All.Select(c => c.Token);

    public static EuAiActClass? Find(string? token) => All.FirstOrDefault(c => string.Equals(c.Token, token, StringComparison.Ordinal));

    public static string Describe(string? token) => Find(token)?.Name ?? token ?? string.Empty;
}
