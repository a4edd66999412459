using System.Text.Json.Serialization;

namespace Harmonia.Domain.Readiness;

[JsonConverter(typeof(JsonStringEnumConverter<ReadinessStage>))]
public enum ReadinessStage
{
    /// <summary>Documentation and records: every mandatory document approved, and the records a certification body reviews before Stage 2.</summary>
    Stage1,

    /// <summary>Implementation: requirements met with current evidence, audited, reviewed, no open major nonconformity.</summary>
    Stage2,
}

/// <summary>Something that stops a check from passing, with where to fix it.</summary>
public sealed record BlockingItem(string Text, FixAt FixAt);

/// <summary>
/// One rule applied to one subject. <see cref="Key"/> names the subject so that the integrated view can merge the
/// same harmonized clause of two frameworks into one check.
/// </summary>
/// <param name="Clause">The top-level clause or Annex A theme the check belongs to ("7", "A.5"); null for whole-system checks.</param>
/// <param name="RequirementIds">The requirements the check covers (two for a merged harmonized clause).</param>
public sealed record ReadinessCheck(
    string Key,
    string Title,
    string? Clause,
    IReadOnlyList<string> RequirementIds,
    IReadOnlyList<BlockingItem> Blocking)
{
    public bool Passed => Blocking.Count == 0;

    /// <summary>What a passing check rests on when it is not obvious (the document that provides it), for the page.</summary>
    public string? Basis { get; init; }
}
