using Harmonia.Domain.Catalogs;

namespace Harmonia.Domain.Audits;

/// <summary>
/// Clauses 4–10 follow the same Harmonized Structure in every ISO management-system standard, but a shared number
/// is not a shared process. Only where one process genuinely serves both systems (leadership, resources,
/// competence, awareness, communication, documented information, internal audit, management review, improvement)
/// is a clause of ISO 27001 and the same clause of ISO 42001 one item, audited once and counted once. Where the
/// standards ask different things of the same number (two policies in 5.2, two risk assessments in 6.1.2, two
/// treatments in 6.1.3, two sets of objectives in 6.2, different operations in 8.1–8.3, different scopes in 4.3,
/// different measurements in 9.1), each standard keeps its own item, graded on its own.
/// </summary>
/// <remarks>
/// The list is explicit rather than derived from the crosswalk: the crosswalk rates 42001 7.2, 7.5.1, 9.2 and 9.3
/// below "equal" because the AIMS adds records (AI competences, an audit with 42001 in scope), yet the process that
/// produces those records is still the one process an integrated audit examines once.
/// </remarks>
public static class SharedClause
{
    private static readonly HashSet<string> SharedProcesses = new(StringComparer.Ordinal)
    {
        "4.4", "5.1", "5.3", "6.3", "7.1", "7.2", "7.3", "7.4", "7.5.1", "7.5.2", "7.5.3",
        "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3", "10.1", "10.2",
    };

    public static bool IsHarmonized(Requirement requirement) =>
        requirement.Kind == RequirementKind.Clause && SharedProcesses.Contains(requirement.Ref);

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
