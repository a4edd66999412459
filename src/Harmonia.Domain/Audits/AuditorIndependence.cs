using Harmonia.Domain.Gaps;

namespace Harmonia.Domain.Audits;

/// <summary>An auditor who would audit their own work, and the controls in scope they own.</summary>
public sealed record IndependenceConflict(string Auditor, IReadOnlyList<OrganizationControl> Controls)
{
    public string Text =>
        $"{Auditor} owns {(Controls.Count == 1 ? "a control" : Controls.Count + " controls")} in the audit scope ({string.Join(", ", Controls.Select(c => $"'{c.Name}'"))}); another auditor should audit {(Controls.Count == 1 ? "it" : "them")}.";
}

/// <summary>Auditors must not audit their own work (9.2.2 asks for objectivity and impartiality).</summary>
public static class AuditorIndependence
{
    /// <summary>
    /// Flags every auditor who owns a control linked to a requirement in scope. Owners are compared by name,
    /// ignoring case and surrounding spaces, because control owners are typed in by hand.
    /// </summary>
    public static IReadOnlyList<IndependenceConflict> Check(
        IReadOnlyList<string> auditors, AuditScope scope, IReadOnlyList<OrganizationControl> controls)
    {
        var inScope = scope.RequirementIds.ToHashSet(StringComparer.Ordinal);
        var scoped = controls.Where(c => c.Owner is not null && c.Satisfies.Any(inScope.Contains)).ToArray();
        return auditors
            .Where(a => !string.IsNullOrWhiteSpace(a))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(a => new IndependenceConflict(
                a.Trim(),
                scoped.Where(c => string.Equals(c.Owner!.Trim(), a.Trim(), StringComparison.OrdinalIgnoreCase)).ToArray()))
            .Where(c => c.Controls.Count > 0)
            .ToArray();
    }
}
