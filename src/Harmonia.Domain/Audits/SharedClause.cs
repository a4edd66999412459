using System.Globalization;
using Harmonia.Domain.Catalogs;

namespace Harmonia.Domain.Audits;

/// <summary>
/// Clauses 4–10 follow the same Harmonized Structure in every ISO management-system standard: a clause requirement
/// of ISO 27001 and one of ISO 42001 with the same number are one process run once (one internal audit, one
/// management review, one corrective-action process). Audit checklists and integrated readiness count them once.
/// </summary>
public static class SharedClause
{
    public static bool IsHarmonized(Requirement requirement)
    {
        if (requirement.Kind != RequirementKind.Clause)
        {
            return false;
        }

        var dot = requirement.Ref.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? requirement.Ref : requirement.Ref[..dot];
        return int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var clause)
            && clause is >= 4 and <= 10;
    }

    /// <summary>The key that makes the same harmonized clause of two frameworks collide, and keeps anything else apart.</summary>
    public static string KeyOf(Requirement requirement) =>
        IsHarmonized(requirement) ? "clause:" + requirement.Ref : requirement.Id;

    /// <summary>The top-level clause ("6" for 6.1.4) or, for a control, its reference up to the theme ("A.5").</summary>
    public static string ClauseOf(Requirement requirement)
    {
        var reference = requirement.Ref;
        if (requirement.Kind == RequirementKind.Control)
        {
            var second = reference.IndexOf('.', reference.IndexOf('.', StringComparison.Ordinal) + 1);
            return second < 0 ? reference : reference[..second];
        }

        var dot = reference.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? reference : reference[..dot];
    }
}
