using Harmonia.Domain.Catalogs;

namespace Harmonia.Domain.AiSystems;

/// <summary>One obligation that binds the organization for a system, and the sentence that says why.</summary>
/// <param name="Condition">A further condition the inventory cannot answer; the reader checks it (null: none).</param>
public sealed record ApplicableObligation(Requirement Obligation, string Reason, string? Condition);

/// <summary>What the EU AI Act asks of the organization for one AI system.</summary>
/// <param name="Missing">Why nothing can be selected yet (no class or no role recorded); null once both are known.</param>
public sealed record EuAiActObligations(string? Missing, IReadOnlyList<ApplicableObligation> Obligations);

/// <summary>
/// Selects the EU AI Act obligations that bind an organization for one AI system from the two facts the inventory
/// records: the organization's EU AI Act role towards the system and the system's risk class. An obligation binds
/// when both match its scope. A system missing either fact gets no list but the reason, so an empty list never
/// reads as "nothing to do".
/// </summary>
public static class EuAiActApplicability
{
    public const string FrameworkId = "eu-ai-act-2024";

    public static EuAiActObligations For(Framework act, string? role, string? riskClass)
    {
        var missing = new List<string>();
        if (EuAiActClasses.Find(riskClass) is null)
        {
            missing.Add("Classify this system under the EU AI Act (its risk class) to see its obligations.");
        }

        if (AiRoles.FindEuAiAct(role) is null)
        {
            missing.Add($"Record the organization's EU AI Act role for this system ({string.Join(", ", AiRoles.EuAiAct.Select(r => r.Name))}) to see its obligations.");
        }

        if (missing.Count > 0)
        {
            return new EuAiActObligations(string.Join(" ", missing), []);
        }

        var selected = act.Requirements
            .Where(r => Binds(r, role!, riskClass!))
            .Select(r => new ApplicableObligation(r, Reason(r, role!, riskClass!), r.AppliesTo!.When))
            .ToArray();
        return new EuAiActObligations(null, selected);
    }

    /// <summary>Whether <paramref name="obligation"/> binds an organization holding <paramref name="role"/> for a system of <paramref name="riskClass"/>.</summary>
    public static bool Binds(Requirement obligation, string? role, string? riskClass) =>
        obligation.AppliesTo is { } scope
        && role is not null && riskClass is not null
        && scope.Roles.Contains(role, StringComparer.Ordinal)
        && scope.Classes.Contains(riskClass, StringComparer.Ordinal);

    /// <summary>"providers and product manufacturers of high-risk systems", the scope in words.</summary>
    public static string DescribeScope(ObligationScope scope) =>
        $"{Join(scope.Roles.Select(r => Plural(AiRoles.DescribeEuAiAct(r))))} of {Join(scope.Classes.Select(c => EuAiActClasses.Describe(c).ToLowerInvariant()))} systems";

    private static string Reason(Requirement obligation, string role, string riskClass)
    {
        var scope = obligation.AppliesTo!;
        var reason = riskClass == "prohibited" && obligation.Ref == "Art. 5"
            ? "This system is classed as a prohibited practice: it may not be placed on the market, put into service or used, so stop it or reclassify it with a documented reason."
            : $"Applies because the organization is the {AiRoles.DescribeEuAiAct(role)} of this {EuAiActClasses.Describe(riskClass).ToLowerInvariant()} system; {obligation.Ref} binds {DescribeScope(scope)}.";
        return scope.When is null ? reason : reason + $" Check the condition first: it applies only when {scope.When.TrimEnd('.')}.";
    }

    private static string Plural(string name) => name + "s";

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToArray();
        return list.Length <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }
}
