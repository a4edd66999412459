using System.Globalization;
using System.Text.RegularExpressions;

namespace Harmonia.Domain.Consistency;

/// <summary>A check that compares one thing the organization says with what it has.</summary>
public sealed record ConsistencyRule(string Id, string Name, Func<ConsistencyInput, IEnumerable<ConsistencyFinding>> Check);

/// <summary>
/// The contradictions a lead auditor would raise on reading the generated documents next to the organization's own
/// records. Each rule reports both facts and where to fix them; none guesses which of the two is right.
/// </summary>
public static class ConsistencyRules
{
    public const string HighImpactDenied = "high-impact-denied";
    public const string SystemOutsideScope = "system-outside-aims-scope";
    public const string ExcludedSystemInScope = "excluded-system-in-scope";
    public const string ProhibitedUsePerformed = "prohibited-use-performed";
    public const string RtoWeakerThanEvidence = "rto-weaker-than-evidence";
    public const string RpoWeakerThanEvidence = "rpo-weaker-than-evidence";
    public const string IntendedUsesOmitSignificantUse = "intended-uses-omit-significant-use";
    public const string PersonalDataUnstated = "personal-data-unstated";
    public const string OversightPromisedButNone = "oversight-promised-but-none";
    public const string AiRoleUnstated = "ai-role-unstated";

    public static readonly IReadOnlyList<ConsistencyRule> All =
    [
        new(HighImpactDenied, "No AI system is said to shape significant decisions, but one does", HighImpact),
        new(SystemOutsideScope, "An AI system in the inventory that the AIMS scope does not cover", OutsideScope),
        new(ExcludedSystemInScope, "An AI system the AIMS scope excludes is recorded as in scope", Excluded),
        new(ProhibitedUsePerformed, "An AI system does what the organization says it rules out", Prohibited),
        new(RtoWeakerThanEvidence, "The stated recovery time objective is weaker than the evidenced one", s => Recovery(s, "RTO")),
        new(RpoWeakerThanEvidence, "The stated recovery point objective is weaker than the evidenced one", s => Recovery(s, "RPO")),
        new(IntendedUsesOmitSignificantUse, "The stated AI uses leave out a significant use of an AI system", IntendedUses),
        new(PersonalDataUnstated, "Personal data is not among the kinds of information handled, but an AI system uses it", PersonalData),
        new(OversightPromisedButNone, "The AI policy promises human oversight that an AI system does not have", Oversight),
        new(AiRoleUnstated, "An AI system is held in a role the stated AI roles leave out", RolesUnstated),
    ];

    public static IReadOnlyList<ConsistencyFinding> Evaluate(ConsistencyInput input) => All.SelectMany(r => r.Check(input)).ToArray();

    private static IEnumerable<InventoriedSystem> InScope(ConsistencyInput input) => input.Systems.Where(s => s.InScope).OrderBy(s => s.Key, StringComparer.Ordinal);

    private static ConsistencyFix Answer(string key) => new(ConsistencyFixKind.Answer, key);

    private static ConsistencyFix System(InventoriedSystem s) => new(ConsistencyFixKind.AiSystem, s.Key);

    private static IEnumerable<ConsistencyFinding> HighImpact(ConsistencyInput input)
    {
        if (input.Stated.HighImpact != false)
        {
            yield break;
        }

        foreach (var system in InScope(input))
        {
            var areas = DecisionAreas.In(system.Description).Where(a => a.Significant).ToArray();
            var highRisk = string.Equals(system.EuAiActClass, "high-risk", StringComparison.OrdinalIgnoreCase);
            if (areas.Length == 0 && !highRisk)
            {
                continue;
            }

            var why = areas.Length > 0
                ? $"its record says it is used for {string.Join(" and ", areas.Select(a => a.Name))} (\"{DecisionAreas.Cue(areas[0], system.Description)}\")"
                : "it is classed high-risk under the EU AI Act";
            yield return new(HighImpactDenied, system.Key, $"{system.Label} shapes significant decisions, but the answers say no AI system does",
                $"The questionnaire answers \"no\" to whether any AI system makes or shapes decisions with significant effects on people (ai.high_impact), " +
                $"so the AIMS scope and the AI policy state that none does; but AI system {system.Label} is in scope and {why}. " +
                "Answer \"yes\" and describe the decisions and the people affected, or correct the AI system's record if it is wrong.",
                ["ai.high_impact"], [Answer("ai.high_impact"), System(system)],
                ["false", system.Description, system.EuAiActClass ?? string.Empty, .. areas.Select(a => a.Id)]);
        }
    }

    private static IEnumerable<ConsistencyFinding> OutsideScope(ConsistencyInput input)
    {
        var scope = input.Stated.AimsScope;
        if (string.IsNullOrWhiteSpace(scope) || CoversEverySystem(scope))
        {
            yield break;
        }

        foreach (var system in InScope(input).Where(s => !Names(scope, s) && !Names(input.Stated.AimsExclusions, s)))
        {
            yield return new(SystemOutsideScope, system.Key, $"{system.Label} is in the inventory but the AIMS scope does not name it",
                $"AI system {system.Label} is recorded as in the AI management system's scope, but the scope statement (aims.scope: \"{scope}\") " +
                "neither names it nor covers all AI systems, so the published AIMS scope would leave it out. " +
                "Name the system (or the product or activity it belongs to by the system's name) in the scope statement, or mark the system out of scope with the reason in the exclusions.",
                ["aims.scope"], [Answer("aims.scope"), System(system)], [scope, system.Key, system.Name]);
        }
    }

    private static IEnumerable<ConsistencyFinding> Excluded(ConsistencyInput input)
    {
        var exclusions = input.Stated.AimsExclusions;
        if (string.IsNullOrWhiteSpace(exclusions))
        {
            yield break;
        }

        foreach (var system in InScope(input).Where(s => Names(exclusions, s)))
        {
            yield return new(ExcludedSystemInScope, system.Key, $"{system.Label} is excluded from the AIMS scope but recorded as in scope",
                $"The AIMS exclusions (aims.exclusions: \"{exclusions}\") name AI system {system.Label}, but the inventory records it as in scope. " +
                "Either take it out of the exclusions or mark the system out of scope.",
                ["aims.exclusions", "aims.scope"], [Answer("aims.exclusions"), System(system)], [exclusions, system.Key, system.Name]);
        }
    }

    private static IEnumerable<ConsistencyFinding> Prohibited(ConsistencyInput input)
    {
        foreach (var use in input.Stated.ProhibitedUses.Where(u => !string.IsNullOrWhiteSpace(u)))
        {
            var ruledOut = DecisionAreas.In(use);
            foreach (var system in InScope(input))
            {
                var shared = ruledOut.Intersect(DecisionAreas.In(system.Description)).ToArray();
                if (shared.Length == 0)
                {
                    continue;
                }

                yield return new(ProhibitedUsePerformed, $"{system.Key}:{Slug(use)}", $"{system.Label} touches a use the organization rules out",
                    $"The answers rule out \"{use}\" (ai.prohibited_uses), and the AI policy and acceptable use rules say so; but AI system {system.Label} " +
                    $"is recorded as working on {string.Join(" and ", shared.Select(a => a.Name))} (\"{DecisionAreas.Cue(shared[0], system.Description)}\"). " +
                    "Either the prohibition is wrong or too broad (reword it so it states exactly what is ruled out), or the system does something the organization forbids and must be stopped or changed.",
                    ["ai.prohibited_uses"], [Answer("ai.prohibited_uses"), System(system)], [use, system.Description, .. shared.Select(a => a.Id)]);
            }
        }
    }

    private static IEnumerable<ConsistencyFinding> Recovery(ConsistencyInput input, string objective)
    {
        var (stated, key, rule, meaning) = objective == "RTO"
            ? (input.Stated.RtoHours, "backup.rto_hours", RtoWeakerThanEvidence, "longest acceptable outage")
            : (input.Stated.RpoHours, "backup.rpo_hours", RpoWeakerThanEvidence, "largest acceptable data loss");
        if (stated is not { } hours)
        {
            yield break;
        }

        var evidenced = input.Evidence
            .SelectMany(e => RecoveryTargets.Find(objective, e.Text).Select(v => (Evidence: e, Hours: v)))
            .OrderBy(e => e.Hours).ThenBy(e => e.Evidence.Source, StringComparer.Ordinal)
            .FirstOrDefault();
        if (evidenced.Evidence is null || evidenced.Hours >= hours)
        {
            yield break;
        }

        yield return new(rule, objective.ToLowerInvariant(), $"The stated {objective} of {RecoveryTargets.Text(hours)} is weaker than the {RecoveryTargets.Text(evidenced.Hours)} the evidence shows",
            $"The questionnaire gives {RecoveryTargets.Text(hours)} as the {meaning} ({key}), which the business continuity plan would state as the {objective}; " +
            $"but {evidenced.Evidence.Source} records an {objective} of {RecoveryTargets.Text(evidenced.Hours)}. A plan that promises less than the organization has committed to and tested " +
            $"misstates its obligations. Set the answer to {RecoveryTargets.Text(evidenced.Hours)} or less, or correct the evidence if that target no longer applies.",
            [key], [Answer(key), new ConsistencyFix(ConsistencyFixKind.Control, evidenced.Evidence.ControlKey)],
            [hours.ToString(CultureInfo.InvariantCulture), evidenced.Hours.ToString(CultureInfo.InvariantCulture), evidenced.Evidence.Source, evidenced.Evidence.Text]);
    }

    private static IEnumerable<ConsistencyFinding> IntendedUses(ConsistencyInput input)
    {
        var uses = input.Stated.IntendedUses;
        if (string.IsNullOrWhiteSpace(uses))
        {
            yield break;
        }

        var stated = DecisionAreas.In(uses);
        foreach (var system in InScope(input))
        {
            var missing = DecisionAreas.In(system.Description).Where(a => a.Significant).Except(stated).ToArray();
            if (missing.Length == 0 || Names(uses, system))
            {
                continue;
            }

            yield return new(IntendedUsesOmitSignificantUse, system.Key, $"The stated AI uses leave out what {system.Label} does",
                $"The answers say the organization uses or offers AI for \"{uses}\" (ai.intended_uses), which the AI policy and the AIMS scope repeat; " +
                $"but AI system {system.Label} is in scope and is used for {string.Join(" and ", missing.Select(a => a.Name))} (\"{DecisionAreas.Cue(missing[0], system.Description)}\"), which that statement does not mention. " +
                "Add the use to the answer, or correct the AI system's record.",
                ["ai.intended_uses"], [Answer("ai.intended_uses"), System(system)], [uses, system.Key, system.Name, system.Description]);
        }
    }

    private static readonly string[] PersonalCues =
        ["personal", "customer", "employee", "applicant", "candidate", "patient", "borrower", "citizen", "user behaviour", "payment behaviour", "support ticket", "individual", "biometric", "health"];

    private static IEnumerable<ConsistencyFinding> PersonalData(ConsistencyInput input)
    {
        if (input.Stated.DataTypes is not { } types || types.Any(t => t.Contains("personal data", StringComparison.OrdinalIgnoreCase) || t.Contains("health data", StringComparison.OrdinalIgnoreCase)))
        {
            yield break;
        }

        foreach (var system in InScope(input))
        {
            var text = string.Join(" ", system.DataSources.Append(system.Purpose ?? string.Empty).Append(system.IntendedUse ?? string.Empty));
            var cue = PersonalCues.FirstOrDefault(c => Regex.IsMatch(text, @"(?<![\p{L}\p{N}])" + Regex.Escape(c), RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)));
            if (cue is null)
            {
                continue;
            }

            yield return new(PersonalDataUnstated, system.Key, $"{system.Label} uses data about people, but personal data is not among the kinds of information handled",
                $"The answers list the kinds of information handled as {(types.Count == 0 ? "none" : string.Join(", ", types))} (org.data_types), without personal data, " +
                $"so the ISMS scope, asset management and AI data management documents leave it out; but AI system {system.Label} works on data about people (its record mentions \"{cue}\"). " +
                "Add personal data (and special category data if it applies) to the answer, or correct the AI system's record.",
                ["org.data_types"], [Answer("org.data_types"), System(system)], [string.Join("|", types), system.Key, text]);
        }
    }

    private static IEnumerable<ConsistencyFinding> Oversight(ConsistencyInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Stated.DefaultOversight))
        {
            yield break;
        }

        foreach (var system in InScope(input).Where(s => s.HumanOversight == "none" || s.Autonomy == "full"))
        {
            var recorded = system.HumanOversight == "none" ? "no human oversight" : "full autonomy";
            yield return new(OversightPromisedButNone, system.Key, $"{system.Label} runs without the human oversight the AI policy promises",
                $"The answers set {input.Stated.DefaultOversight.Replace('_', ' ')} as the default human oversight of AI systems (ai.oversight), which the AI policy and the responsible AI use rules state; " +
                $"but AI system {system.Label} is recorded with {recorded}. Record the oversight the system really has, or acknowledge the exception with the reason it is acceptable, " +
                "so that the exception is documented rather than contradicting the policy.",
                ["ai.oversight"], [Answer("ai.oversight"), System(system)], [input.Stated.DefaultOversight, system.Key, system.HumanOversight ?? string.Empty, system.Autonomy ?? string.Empty]);
        }
    }

    /// <summary>
    /// Compared by main role: the answer "AI customer" covers a system held as an AI user, because the documents speak
    /// of main roles; a finer role the answer does not list is not a contradiction. The converse (a role stated that no
    /// system holds yet) is not reported: an organization may state a role it is preparing for.
    /// </summary>
    private static IEnumerable<ConsistencyFinding> RolesUnstated(ConsistencyInput input)
    {
        if (input.Stated.AiRoles is not { Count: > 0 } stated)
        {
            yield break;
        }

        var statedTokens = AiSystems.AiRoles.UpgradeAnswer(stated).Select(n => AiSystems.AiRoles.FindByName(n)?.Token).OfType<string>().ToArray();
        var statedGroups = AiSystems.AiRoles.Groups(statedTokens).Select(r => r.Token).ToHashSet(StringComparer.Ordinal);
        foreach (var system in InScope(input).Where(s => s.Roles is { Count: > 0 }))
        {
            var missing = AiSystems.AiRoles.Groups(system.Roles!).Where(r => !statedGroups.Contains(r.Token)).ToArray();
            if (missing.Length == 0)
            {
                continue;
            }

            var names = string.Join(" and ", missing.Select(r => r.Name));
            yield return new(AiRoleUnstated, system.Key, $"{system.Label} is held as {names}, a role the stated AI roles leave out",
                $"The answers list the organization's roles towards AI as {string.Join(", ", stated)} (ai.roles), which the AIMS scope and the AI policy state; " +
                $"but AI system {system.Label} is recorded with the role{(system.Roles!.Count == 1 ? string.Empty : "s")} {AiSystems.AiRoles.Describe(system.Roles!)}, " +
                $"so the organization also acts as {names} and the requirements and controls of that role apply. " +
                "Add the role to the answer, or correct the AI system's roles if the record is wrong.",
                ["ai.roles"], [Answer("ai.roles"), System(system)], [string.Join("|", stated), system.Key, string.Join("|", AiSystems.AiRoles.Normalize(system.Roles!))]);
        }
    }

    /// <summary>Scope wording that takes in every AI system without naming them.</summary>
    private static bool CoversEverySystem(string scope) =>
        Regex.IsMatch(scope, @"\b(all|every|each)\s+(of\s+the\s+organi[sz]ation'?s\s+)?(ai|artificial intelligence)\s+systems?\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    private static readonly HashSet<string> Generic = new(StringComparer.OrdinalIgnoreCase) { "ai", "model", "models", "system", "systems", "tool", "service", "the", "and", "for", "of", "with" };

    /// <summary>
    /// Whether the text names the system: its key, its whole name, or every distinctive word of its name. Partial
    /// matches do not count, because "the AI features of the product" does not tell an auditor which systems are in.
    /// </summary>
    public static bool Names(string? text, InventoriedSystem system)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        bool Has(string word) => Regex.IsMatch(text, @"(?<![\p{L}\p{N}])" + Regex.Escape(word) + @"(?![\p{L}\p{N}])", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        if (Has(system.Key) || Has(system.Name))
        {
            return true;
        }

        var words = Regex.Split(system.Name, @"[^\p{L}\p{N}]+").Where(w => w.Length >= 3 && !Generic.Contains(w)).ToArray();
        return words.Length > 0 && words.All(Has);
    }

    private static string Slug(string text)
    {
        var slug = Regex.Replace(text.ToLowerInvariant(), @"[^\p{L}\p{N}]+", "-", RegexOptions.None, TimeSpan.FromSeconds(1)).Trim('-');
        return slug.Length <= 60 ? slug : slug[..60];
    }
}
