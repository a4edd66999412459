using System.Text.Json;
using Harmonia.App.Common;
using Harmonia.Domain.Soa;

namespace Harmonia.App.Features.Soa;

/// <summary>Included, excluded and not decided add up to the controls; <paramref name="NeedDecision"/> also counts decisions left incomplete.</summary>
public sealed record SoaFigures(int Controls, int Included, int Excluded, int Implemented, int Undecided = 0, int NeedDecision = 0);

public sealed record SoaVersionDto(
    string FrameworkId,
    int Number,
    string Status,
    string? Note,
    string CreatedBy,
    DateTime CreatedUtc,
    string? ApprovedBy,
    DateTime? ApprovedUtc,
    SoaFigures Figures,
    IReadOnlyList<SoaRow> Rows)
{
    /// <summary>What still needs a decision before this version can be approved, one sentence per control.</summary>
    public IReadOnlyList<string> NeedsDecision => ApplicabilityModel.Undecided(Rows);

    internal static SoaVersionDto From(SoaVersionRecord v)
    {
        var rows = SoaJson.Rows(v.RowsJson);
        return new(v.FrameworkId, v.Number, v.Status, v.Note, v.CreatedBy, v.CreatedUtc, v.ApprovedBy, v.ApprovedUtc, SoaJson.Figures(rows), rows);
    }
}

/// <summary>A person's decisions on top of the proposal; controls not named keep what was proposed.</summary>
public sealed record SoaSaveInput(IReadOnlyList<SoaDecisionInput>? Decisions, string? Note);

/// <param name="Included">True: it applies; false: excluded; null or missing: not decided yet.</param>
/// <param name="Reasons">Reason codes: risk, impact, legal, contract, business.</param>
public sealed record SoaDecisionInput(string? RequirementId, bool? Included, IReadOnlyList<string>? Reasons, string? Justification);

public static class SoaStatuses
{
    public const string Draft = "draft";
    public const string Approved = "approved";
    public const string Superseded = "superseded";
}

public static class SoaJson
{
    /// <summary>The two frameworks with an Annex A of controls, and so a Statement of Applicability.</summary>
    public static readonly string[] Frameworks = ["iso27001-2022", "iso42001-2023"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<SoaRow> Rows(string json) => JsonSerializer.Deserialize<SoaRow[]>(json, Json) ?? [];

    internal static string Serialize(IReadOnlyList<SoaRow> rows) => JsonSerializer.Serialize(rows, Json);

    public static SoaFigures Figures(IReadOnlyList<SoaRow> rows) => new(
        rows.Count,
        rows.Count(r => !r.Undecided && r.Included),
        rows.Count(r => !r.Undecided && !r.Included),
        rows.Count(r => !r.Undecided && r.Included && r.Implementation == SoaImplementation.Implemented),
        rows.Count(r => r.Undecided),
        ApplicabilityModel.Undecided(rows).Count);

    internal static void RequireFramework(string frameworkId)
    {
        if (!Frameworks.Contains(frameworkId))
        {
            throw new InvalidInputException($"A Statement of Applicability exists for {string.Join(" and ", Frameworks)}, not '{frameworkId}'.");
        }
    }
}
