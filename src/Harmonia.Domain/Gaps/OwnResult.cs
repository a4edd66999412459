namespace Harmonia.Domain.Gaps;

public enum ResultBasis
{
    /// <summary>Nothing covers the requirement: an open gap.</summary>
    None,

    /// <summary>A person entered the result.</summary>
    Entered,

    /// <summary>Derived from the organization's controls linked to the requirement.</summary>
    Controls,

    /// <summary>Inferred through mappings from another requirement's own result.</summary>
    Inferred,

    /// <summary>Nothing else covers it, but a published document addresses it: its documentation part is done.</summary>
    Documented,

    /// <summary>Credited by the organization's management records: impact assessments, the risk assessment, an approved SoA.</summary>
    Records,

    /// <summary>An open major nonconformity overrides every other result until it is closed.</summary>
    Nonconformity,

    /// <summary>Excluded by an approved Statement of Applicability, with its justification: the only "not applicable" for a standard.</summary>
    Excluded,

    /// <summary>A legal obligation none of the organization's in-scope AI systems triggers (EU AI Act role and class).</summary>
    OutOfScope,
}

/// <summary>A requirement's own result: entered, or derived from its linked controls.</summary>
public sealed record OwnResult(
    string RequirementId,
    RequirementResult Result,
    ResultBasis Basis,
    string? EnteredReason,
    IReadOnlyList<OrganizationControl> Controls)
{
    /// <summary>What a supplementing record says about a requirement whose controls decided its result (see RecordCredit.Supplements).</summary>
    public string? RecordNote { get; init; }
}

public static class OwnResults
{
    /// <summary>
    /// An approved SoA exclusion first, then entered results; otherwise linked controls decide: all implemented ->
    /// satisfied, some -> partial, none -> not satisfied. Controls marked not applicable are ignored; if only those
    /// remain they say nothing about the requirement (only an SoA exclusion makes it not applicable). An entered
    /// "not applicable" that no exclusion backs (stored before the rule) counts as open, and says so.
    /// </summary>
    public static Dictionary<string, OwnResult> Resolve(OrganizationState state)
    {
        var linked = new Dictionary<string, List<OrganizationControl>>(StringComparer.Ordinal);
        foreach (var control in state.Controls)
        {
            foreach (var requirementId in control.Satisfies)
            {
                if (!linked.TryGetValue(requirementId, out var list))
                {
                    list = [];
                    linked.Add(requirementId, list);
                }

                list.Add(control);
            }
        }

        var results = new Dictionary<string, OwnResult>(StringComparer.Ordinal);
        foreach (var (requirementId, controls) in linked)
        {
            var relevant = controls.Where(c => c.Status != ControlStatus.NotApplicable).ToArray();
            var implemented = relevant.Count(c => c.Status == ControlStatus.Implemented);
            if (relevant.Length == 0)
            {
                continue;
            }

            var result = implemented == relevant.Length ? RequirementResult.Satisfied
                : implemented > 0 ? RequirementResult.PartiallySatisfied
                : RequirementResult.NotSatisfied;
            results[requirementId] = new OwnResult(requirementId, result, ResultBasis.Controls, null, controls);
        }

        foreach (var credit in state.Records)
        {
            // A record only ever improves on what the controls show; an entered result still wins over both.
            var existing = results.GetValueOrDefault(credit.RequirementId);
            if (existing is null || Rank(credit.Result) > Rank(existing.Result))
            {
                var controls = linked.GetValueOrDefault(credit.RequirementId) ?? [];
                results[credit.RequirementId] = new OwnResult(credit.RequirementId, credit.Result, ResultBasis.Records, credit.Reason, controls);
            }
            else if (credit.Supplements && existing.Basis == ResultBasis.Controls)
            {
                results[credit.RequirementId] = existing with { RecordNote = credit.Reason };
            }
        }

        foreach (var entered in state.Results)
        {
            var controls = linked.GetValueOrDefault(entered.RequirementId) ?? [];
            results[entered.RequirementId] = entered.Result == RequirementResult.NotApplicable
                ? new OwnResult(entered.RequirementId, RequirementResult.NotAssessed, ResultBasis.Entered, UnbackedNotApplicable, controls)
                : new OwnResult(entered.RequirementId, entered.Result, ResultBasis.Entered, entered.Reason, controls);
        }

        foreach (var exclusion in state.Exclusions)
        {
            var controls = linked.GetValueOrDefault(exclusion.RequirementId) ?? [];
            results[exclusion.RequirementId] =
                new OwnResult(exclusion.RequirementId, RequirementResult.NotApplicable, ResultBasis.Excluded, exclusion.Reason, controls);
        }

        return results;
    }

    private const string UnbackedNotApplicable =
        "it was marked not applicable, but only an approved Statement of Applicability can exclude a requirement (and never a clause), so it counts as open";

    private static int Rank(RequirementResult result) => result switch
    {
        RequirementResult.Satisfied => 3,
        RequirementResult.PartiallySatisfied => 2,
        RequirementResult.NotSatisfied => 1,
        _ => 0,
    };
}
