using Harmonia.App.Features.Interop;

namespace Harmonia.App.Features.AiSystems;

/// <summary>
/// The words a compliance manager reads for the AI system register's fixed choices. The pages show them and the
/// register's export writes them; the API stores the tokens (<see cref="AiSystemFacts"/>), and the register import
/// reads either, so an exported sheet imports back unchanged and a sheet written with the API's tokens imports too.
/// </summary>
public static class AiSystemWords
{
    public static IReadOnlyList<(string Token, string Label)> Stages { get; } = Choices(AiSystemFacts.Stages, new Dictionary<string, string>
    {
        ["inception"] = "Inception",
        ["design"] = "Design",
        ["development"] = "Development",
        ["verification"] = "Verification and validation",
        ["deployment"] = "Deployment",
        ["operation"] = "Operation and monitoring",
        ["retirement"] = "Retirement",
    });

    public static IReadOnlyList<(string Token, string Label)> OversightModes { get; } = Choices(AiSystemFacts.OversightModes, new Dictionary<string, string>
    {
        ["human-in-the-loop"] = "Human in the loop",
        ["human-on-the-loop"] = "Human on the loop",
        ["human-in-command"] = "Human in command",
        ["none"] = "None",
    });

    public static IReadOnlyList<(string Token, string Label)> AutonomyLevels { get; } = Choices(AiSystemFacts.AutonomyLevels, new Dictionary<string, string>
    {
        ["assistive"] = "Assistive",
        ["partial"] = "Partial",
        ["full"] = "Full",
    });

    public static IReadOnlyList<(string Token, string Label)> EuAiActClasses { get; } =
        Harmonia.Domain.AiSystems.EuAiActClasses.All.Select(c => (c.Token, c.Name)).ToArray();

    public static string Stage(string? token) => Label(Stages, token);

    public static string Oversight(string? token) => Label(OversightModes, token);

    public static string Autonomy(string? token) => Label(AutonomyLevels, token);

    public static string EuAiActClass(string? token) => Label(EuAiActClasses, token);

    /// <summary>The words for a token; a value stored before the token existed is shown as it is; nothing for null.</summary>
    public static string Label(IReadOnlyList<(string Token, string Label)> choices, string? token) =>
        token is null ? string.Empty : choices.FirstOrDefault(c => c.Token == token).Label ?? token;

    /// <summary>
    /// The token a cell names, by its words or by the token itself, whatever the case, spacing and hyphens
    /// ("High-risk", "high risk", "high-risk"); null when it names none of the choices.
    /// </summary>
    public static string? Token(IReadOnlyList<(string Token, string Label)> choices, string text)
    {
        var name = ImportColumns.Normalize(text);
        return choices.FirstOrDefault(c => ImportColumns.Normalize(c.Token) == name || ImportColumns.Normalize(c.Label) == name).Token;
    }

    /// <summary>"Inception, Design, …" for a refusal that lists what a cell may say.</summary>
    public static string List(IReadOnlyList<(string Token, string Label)> choices) => string.Join(", ", choices.Select(c => c.Label));

    // Every token the API takes has its words, in the API's order; a token without words would read as itself.
    private static (string Token, string Label)[] Choices(string[] tokens, Dictionary<string, string> labels) =>
        tokens.Select(t => (t, labels.TryGetValue(t, out var label) ? label : t)).ToArray();
}
