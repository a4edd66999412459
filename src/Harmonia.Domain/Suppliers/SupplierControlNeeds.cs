using Harmonia.Domain.Gaps;

namespace Harmonia.Domain.Suppliers;

/// <summary>
/// One supplier control of an annex: which suppliers it looks at and which contract clauses it needs from each.
/// <paramref name="ModelClauses"/> are asked only of model and AI service providers (a data provider has no model to
/// change); <paramref name="AtMostPartial"/> marks a control the register can only support, never settle on its own.
/// </summary>
public sealed record SupplierControlNeed(
    string RequirementId,
    string Topic,
    Func<SupplierFacts, bool> Concerns,
    IReadOnlyList<ContractClause> Clauses,
    IReadOnlyList<ContractClause> ModelClauses,
    string? AtMostPartial = null)
{
    public IReadOnlyList<ContractClause> ClausesFor(SupplierFacts supplier) =>
        supplier.Kind == SupplierKind.ModelProvider ? [.. Clauses, .. ModelClauses] : Clauses;
}

/// <summary>
/// The clause-per-control table (ADR 0018), our own reading of what each supplier control asks of a supplier
/// relationship. Every control needs a current review of every active supplier it concerns; the clauses are what the
/// agreement itself must say for that control's purpose.
/// </summary>
public static class SupplierControlNeeds
{
    private static bool Any(SupplierFacts s) => true;

    /// <summary>Suppliers that are part of the ICT supply chain: hosting, software and models delivered as code or a service.</summary>
    private static bool Ict(SupplierFacts s) => s.Kind is SupplierKind.Cloud or SupplierKind.Software or SupplierKind.ModelProvider;

    /// <summary>Suppliers the AI management system depends on: model and data providers, and any supplier linked to an AI system.</summary>
    private static bool Ai(SupplierFacts s) => s.Kind is SupplierKind.ModelProvider or SupplierKind.DataProvider || s.LinkedToAiSystem;

    public static IReadOnlyList<SupplierControlNeed> All { get; } =
    [
        new("iso27001-2022:A.5.19", "information security in supplier relationships", Any, [ContractClause.Security], []),
        new("iso27001-2022:A.5.20", "security within supplier agreements", Any,
            [ContractClause.Security, ContractClause.Confidentiality, ContractClause.IncidentNotification, ContractClause.AuditRights], []),
        new("iso27001-2022:A.5.21", "the ICT supply chain", Ict, [ContractClause.Security, ContractClause.SubProcessors], []),
        new("iso27001-2022:A.5.22", "monitoring and change of supplier services", Any, [ContractClause.AuditRights, ContractClause.IncidentNotification], []),
        new("iso27001-2022:A.5.23", "cloud services", s => s.Kind == SupplierKind.Cloud,
            [ContractClause.Security, ContractClause.Confidentiality, ContractClause.IncidentNotification, ContractClause.SubProcessors], []),
        new("iso42001-2023:A.10.2", "responsibilities shared with AI suppliers", Ai,
            [ContractClause.AiUseOfCustomerData, ContractClause.IncidentNotification], [ContractClause.ModelChangeNotice]),
        new("iso42001-2023:A.10.3", "AI suppliers", Ai,
            [ContractClause.Security, ContractClause.AiUseOfCustomerData, ContractClause.AuditRights], [ContractClause.ModelChangeNotice]),
        new("iso42001-2023:A.10.4", "commitments towards customers that depend on AI suppliers", Ai,
            [ContractClause.AiUseOfCustomerData, ContractClause.IncidentNotification], [],
            "A.10.4 is about the organization's own customers: supplier terms that carry its commitments (use of customer data, incident notice) support it, but only records of what customers were told and agreed can satisfy it, so the register credits it at most partially."),
    ];

    private const int Named = 6;

    /// <summary>
    /// What the register earns: satisfied only when every active supplier the control concerns has a current review
    /// and a contract in force with the clauses the control needs; partially otherwise, naming each supplier and what
    /// it lacks. A current accepted questionnaire whose answers serving the control all passed counts as the review;
    /// one whose answers serving it failed leaves the supplier lacking even with a good review. A control with no active supplier it concerns earns nothing: the register says nothing about it.
    /// </summary>
    public static IReadOnlyList<RecordCredit> Credits(IReadOnlyList<SupplierFacts> suppliers, DateOnly today)
    {
        var credits = new List<RecordCredit>();
        foreach (var need in All)
        {
            var concerned = suppliers.Where(s => s.Status == SupplierStatus.Active && need.Concerns(s)).OrderBy(s => s.Key.Length).ThenBy(s => s.Key, StringComparer.Ordinal).ToArray();
            if (concerned.Length == 0)
            {
                continue;
            }

            var lacking = new List<string>();
            var questionnaireBasis = new List<string>();
            foreach (var supplier in concerned)
            {
                var problems = new List<string>();
                var current = supplier.AcceptedQuestionnaires.Where(q => q.IsCurrent(supplier.Tier, today)).OrderByDescending(q => q.AcceptedOn).ToArray();

                // The stricter reading: an accepted questionnaire whose answers fail this control outweighs a review that passed it.
                foreach (var failed in current.Where(q => q.RequirementsFailed.Contains(need.RequirementId, StringComparer.Ordinal)))
                {
                    problems.Add($"answers to the {failed.Title} accepted {failed.AcceptedOn:yyyy-MM-dd} fail this control");
                }

                var answered = current.FirstOrDefault(q => q.RequirementsPassed.Contains(need.RequirementId, StringComparer.Ordinal));
                if (!SupplierStanding.HasCurrentReview(supplier, today) && answered is not null)
                {
                    // A questionnaire the reviewer accepted, with every answer serving this control passed, is a review of it.
                    questionnaireBasis.Add($"{supplier.Key} by the {answered.Title} accepted {answered.AcceptedOn:yyyy-MM-dd}");
                }
                else if (!SupplierStanding.HasCurrentReview(supplier, today))
                {
                    var last = supplier.Reviews.OrderByDescending(r => r.On).FirstOrDefault();
                    problems.Add(last is null ? "never reviewed"
                        : last.Outcome == ReviewOutcome.Unsatisfactory ? $"last review {last.On:yyyy-MM-dd} found it unsatisfactory"
                        : $"review overdue since {last.On.AddMonths(supplier.Tier.ReviewMonths):yyyy-MM-dd}");
                }

                var missing = need.ClausesFor(supplier).Except(SupplierStanding.ClausesInForce(supplier, today)).ToArray();
                if (missing.Length > 0)
                {
                    problems.Add("no contract in force with " + string.Join(", ", missing.Select(c => c.ToLabel())));
                }

                if (problems.Count > 0)
                {
                    lacking.Add($"{supplier.Key} {supplier.Name} ({string.Join("; ", problems)})");
                }
            }

            var names = string.Join(", ", concerned.Take(Named).Select(s => $"{s.Key} {s.Name}")) + (concerned.Length > Named ? $" and {concerned.Length - Named} more" : string.Empty);
            var basis = $"Supplier register, {need.Topic}: {concerned.Length} active supplier{(concerned.Length == 1 ? string.Empty : "s")} concerned ({names}); needs a current review and {string.Join(", ", need.Clauses.Select(c => c.ToLabel()))} in the contract{(need.ModelClauses.Count > 0 ? $" ({string.Join(", ", need.ModelClauses.Select(c => c.ToLabel()))} too from model providers)" : string.Empty)}";
            if (questionnaireBasis.Count > 0)
            {
                basis += $" (reviewed {string.Join("; ", questionnaireBasis)}, every answer serving this control passed)";
            }

            if (lacking.Count == 0)
            {
                credits.Add(need.AtMostPartial is null
                    ? new RecordCredit(need.RequirementId, RequirementResult.Satisfied, basis + "; every one has both.", Supplements: true)
                    : new RecordCredit(need.RequirementId, RequirementResult.PartiallySatisfied, basis + "; every one has both. " + need.AtMostPartial, Supplements: true));
            }
            else
            {
                var reason = basis + ". Missing: " + string.Join("; ", lacking.Take(Named)) + (lacking.Count > Named ? $"; and {lacking.Count - Named} more." : ".");
                credits.Add(new RecordCredit(need.RequirementId, RequirementResult.PartiallySatisfied, need.AtMostPartial is null ? reason : reason + " " + need.AtMostPartial, Supplements: true));
            }
        }

        return credits;
    }

    /// <summary>For the Statements of Applicability: per supplier control, the active suppliers that call for it ("SUP-1 Name").</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> CallingFor(IReadOnlyList<SupplierFacts> suppliers) =>
        All.Select(n => (n.RequirementId, Names: (IReadOnlyList<string>)suppliers.Where(s => s.Status == SupplierStatus.Active && n.Concerns(s))
                .OrderBy(s => s.Key.Length).ThenBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key} {s.Name}").ToArray()))
            .Where(x => x.Names.Count > 0)
            .ToDictionary(x => x.RequirementId, x => x.Names, StringComparer.Ordinal);
}
