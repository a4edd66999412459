using Harmonia.Domain.AiSystems;
using Harmonia.Domain.Catalogs;

namespace Harmonia.Domain.Gaps;

/// <summary>Whether a scoped obligation binds the organization through its in-scope AI systems, and the sentence that says so.</summary>
public sealed record ObligationScoping(bool OutOfScope, string Reason)
{
    private const int Named = 5;

    /// <summary>
    /// An obligation binds the organization when at least one in-scope AI system selects it (role and class match).
    /// It is out of scope only when every in-scope system is classified and none selects it: a system whose role or
    /// class is unrecorded might, so the obligation stays open and the reason names the systems to classify.
    /// </summary>
    public static ObligationScoping Of(Requirement obligation, IReadOnlyList<ScopedAiSystem> systems)
    {
        var scope = obligation.AppliesTo ?? throw new ArgumentException($"{obligation.Id} has no scope.", nameof(obligation));
        var binding = systems.Where(s => EuAiActApplicability.Binds(obligation, s.EuAiActRole, s.EuAiActClass)).ToArray();
        var unknown = systems.Where(s => EuAiActClasses.Find(s.EuAiActClass) is null || AiRoles.FindEuAiAct(s.EuAiActRole) is null).ToArray();
        var binds = $"{obligation.Ref} binds {EuAiActApplicability.DescribeScope(scope)}";
        if (binding.Length > 0)
        {
            var condition = scope.When is null ? string.Empty : $" It applies only when {scope.When.TrimEnd('.')}: confirm that first.";
            return new ObligationScoping(false, $"Binds the organization through {Names(binding)}.{condition}");
        }

        if (unknown.Length > 0)
        {
            return new ObligationScoping(false, $"{binds}; whether that includes the organization is unknown until {Names(unknown)} {(unknown.Length == 1 ? "has" : "have")} an EU AI Act role and class.");
        }

        return systems.Count == 0
            ? new ObligationScoping(true, $"Not applicable: the organization has no AI system in scope, and {binds}.")
            : new ObligationScoping(true, $"Not applicable: {binds}, and no in-scope AI system is one: {Names(systems)}.");
    }

    private static string Names(IReadOnlyList<ScopedAiSystem> systems)
    {
        var named = systems.Take(Named).Select(Describe);
        return string.Join(", ", named) + (systems.Count > Named ? $" and {systems.Count - Named} more" : string.Empty);
    }

    private static string Describe(ScopedAiSystem system)
    {
        var facts = new[]
        {
            AiRoles.FindEuAiAct(system.EuAiActRole)?.Name,
            EuAiActClasses.Find(system.EuAiActClass)?.Name.ToLowerInvariant(),
        }.OfType<string>().ToArray();
        return facts.Length == 0 ? $"{system.Key} {system.Name} (not classified)" : $"{system.Key} {system.Name} ({string.Join(", ", facts)})";
    }
}
