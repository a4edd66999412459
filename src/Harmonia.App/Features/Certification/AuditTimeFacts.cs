using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Features.Reviews;
using Harmonia.App.Persistence;
using Harmonia.Domain.AiSystems;
using Harmonia.Domain.Certification;
using Harmonia.Domain.Competence;
using Harmonia.Domain.Readiness;
using Harmonia.Domain.Risks;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// The audit-time inputs as the organization's data gives them, each with the record it came from, and the override a
/// person set in its place. Certification reads the other modules' records as Gaps and Readiness do: it aggregates.
/// </summary>
public sealed class AuditTimeFacts(HarmoniaDbContext db, PublishedDocuments published, TimeProvider time)
{
    internal const string Isms = "iso27001-2022";
    internal const string Aims = "iso42001-2023";

    public async Task<AuditTimeInputs?> InputsAsync(Guid organizationId, AuditTimeInputsRecord? overrides, CancellationToken cancellationToken = default)
    {
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId, cancellationToken);
        var persons = overrides?.PersonsInScope is { } p
            ? Set(p)
            : organization.Employees is { } employees and > 0 ? new EstimateInput<int>(employees, false, "employees in the organization profile") : null;
        if (persons is null)
        {
            return null;
        }

        var locations = organization.Locations.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length;
        var sites = overrides?.Sites is { } s ? Set(s) : new EstimateInput<int>(Math.Max(1, locations), false, locations == 0 ? "no locations in the profile, one site assumed" : "locations in the organization profile");

        var systems = (await db.AiSystems.AsNoTracking().Where(a => a.InScope).Select(a => new { a.Key, a.AiRoles, a.EuAiActClass }).ToListAsync(cancellationToken))
            .OrderBy(a => a.Key, StringComparer.Ordinal).ToArray();
        var highRisk = systems.Count(a => a.EuAiActClass == "high-risk");
        var role = overrides?.AiRole is { } r && CertificationChoices.AiRole(r) is { } chosen
            ? new EstimateInput<AiRoleCategory>(chosen, true, "set by a person")
            : DeriveRole(systems.Select(a => (a.Key, a.AiRoles.Split(',', StringSplitOptions.RemoveEmptyEntries))).ToArray());
        var aiPersons = overrides?.AiPersons is { } ai ? Set(ai) : await AiPersonsAsync(persons.Value, cancellationToken);

        return new AuditTimeInputs(
            persons,
            overrides?.IdenticalLowRiskPersons is { } low ? Set(low) : new EstimateInput<int>(0, false, "none declared; every person counts fully"),
            sites,
            overrides?.BusinessComplexity is { } b && CertificationChoices.Complexity(b) is { } business
                ? new EstimateInput<Complexity>(business, true, "set by a person")
                : new EstimateInput<Complexity>(Complexity.Medium, false, "not in the data; medium assumed until you grade it"),
            overrides?.ItComplexity is { } i && CertificationChoices.Complexity(i) is { } it
                ? new EstimateInput<Complexity>(it, true, "set by a person")
                : new EstimateInput<Complexity>(Complexity.Medium, false, "not in the data; medium assumed until you grade it"),
            aiPersons,
            role,
            new EstimateInput<int>(systems.Length, false, systems.Length == 0 ? "no AI system in scope in the inventory" : "in-scope AI systems in the inventory: " + string.Join(", ", systems.Select(a => a.Key))),
            new EstimateInput<int>(highRisk, false, "EU AI Act class high-risk in the inventory"),
            await IntegrationAsync(cancellationToken));
    }

    private static EstimateInput<int> Set(int value) => new(value, true, "set by a person");

    /// <summary>
    /// The role category from the 22989 main roles the organization holds across its in-scope systems: an AI producer
    /// (AI developer included) alone, one other main role alone, or several main roles.
    /// </summary>
    internal static EstimateInput<AiRoleCategory> DeriveRole(IReadOnlyList<(string Key, string[] Roles)> systems)
    {
        if (systems.Count == 0)
        {
            return new(AiRoleCategory.SingleOtherRole, false, "no AI system in scope; the smallest role category assumed");
        }

        var groups = AiRoles.Groups(systems.SelectMany(s => s.Roles)).ToArray();
        var names = string.Join(", ", groups.Select(g => g.Name));
        var category = groups.Length > 1 ? AiRoleCategory.MultipleRoles
            : groups.Length == 1 && groups[0].Token == "ai-producer" ? AiRoleCategory.Producer
            : AiRoleCategory.SingleOtherRole;
        return new(category, false, $"main AI roles held across the in-scope systems: {names}");
    }

    /// <summary>People in the competence register holding a role that needs an AI competence; the whole headcount when none is recorded.</summary>
    private async Task<EstimateInput<int>> AiPersonsAsync(int headcount, CancellationToken cancellationToken)
    {
        var custom = await db.CustomCompetences.AsNoTracking().Where(c => c.Area == CompetenceArea.Ai).Select(c => c.Key).ToListAsync(cancellationToken);
        var aiKeys = CompetenceCatalog.BuiltIn.Where(c => c.Area == CompetenceArea.Ai).Select(c => c.Key).Concat(custom).ToHashSet(StringComparer.Ordinal);
        var roles = (await db.CompetenceRoles.AsNoTracking().Select(r => new { r.Id, r.RequiredCompetences }).ToListAsync(cancellationToken))
            .Where(r => r.RequiredCompetences.Split(',').Any(aiKeys.Contains)).Select(r => r.Id).ToArray();
        var people = roles.Length == 0 ? 0 : await db.PersonRoles.AsNoTracking().Where(l => roles.Contains(l.RoleId)).Select(l => l.PersonId).Distinct().CountAsync(cancellationToken);
        return people > 0
            ? new(people, false, "people in the competence register holding a role that needs an AI competence")
            : new(headcount, false, "no AI-related people recorded in the competence register; every person in scope counted until you enter the AI-related headcount");
    }

    /// <summary>The four documented integration levels, each from the records of the last twelve months.</summary>
    private async Task<IReadOnlyList<IntegrationEvidence>> IntegrationAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var since = today.AddMonths(-ReadinessModel.RecordWindowMonths);
        return
        [
            await ReviewAsync(since, today, cancellationToken),
            await AuditAsync(since, today, cancellationToken),
            await DocumentsAsync(cancellationToken),
            await RiskMethodologyAsync(cancellationToken),
        ];
    }

    private async Task<IntegrationEvidence> ReviewAsync(DateOnly since, DateOnly today, CancellationToken cancellationToken)
    {
        const string Id = "integrated-management-review";
        var reviews = await db.ManagementReviews.AsNoTracking().Where(m => m.HeldOn > since && m.HeldOn <= today).OrderByDescending(m => m.HeldOn)
            .Select(m => new { m.HeldOn, m.InputsJson }).ToListAsync(cancellationToken);
        foreach (var review in reviews)
        {
            var standards = ReviewJson.Inputs(review.InputsJson).Select(i => i.Standards).ToHashSet(StringComparer.Ordinal);
            if (standards.Contains(Aims) && (standards.Contains(Isms) || standards.Contains("both")))
            {
                return new(Id, true, $"The management review of {review.HeldOn:yyyy-MM-dd} weighed the inputs of both systems in one meeting.");
            }
        }

        return new(Id, false, reviews.Count == 0
            ? $"No management review held in the last {ReadinessModel.RecordWindowMonths} months."
            : $"The management reviews of the last {ReadinessModel.RecordWindowMonths} months did not weigh the AI management system's own inputs beside the ISMS's.");
    }

    private async Task<IntegrationEvidence> AuditAsync(DateOnly since, DateOnly today, CancellationToken cancellationToken)
    {
        const string Id = "integrated-internal-audit";
        var audits = (await db.Audits.AsNoTracking().Where(a => a.Status == AuditStatuses.Completed && a.CompletedOn != null)
                .Select(a => new { a.Key, a.CompletedOn, a.ScopeJson }).ToListAsync(cancellationToken))
            .Where(a => a.CompletedOn > since && a.CompletedOn <= today).OrderByDescending(a => a.CompletedOn).ToArray();
        var integrated = audits.FirstOrDefault(a =>
        {
            var ids = AuditJson.Scope(a.ScopeJson).RequirementIds;
            return ids.Any(r => r.StartsWith(Aims + ":", StringComparison.Ordinal)) && ids.Any(r => r.StartsWith(Isms + ":", StringComparison.Ordinal) || r.StartsWith("hs:", StringComparison.Ordinal));
        });
        return integrated is not null
            ? new(Id, true, $"Internal audit {integrated.Key} (completed {integrated.CompletedOn:yyyy-MM-dd}) covered requirements of both standards in one audit.")
            : new(Id, false, audits.Length == 0
                ? $"No internal audit completed in the last {ReadinessModel.RecordWindowMonths} months."
                : $"No internal audit completed in the last {ReadinessModel.RecordWindowMonths} months covered both standards in one scope.");
    }

    private async Task<IntegrationEvidence> DocumentsAsync(CancellationToken cancellationToken)
    {
        const string Id = "shared-documented-information";
        var shared = (await published.HandleAsync(cancellationToken))
            .Where(d => d.RequirementIds.Any(r => r.StartsWith("hs:", StringComparison.Ordinal))
                || (d.RequirementIds.Any(r => r.StartsWith(Isms + ":", StringComparison.Ordinal)) && d.RequirementIds.Any(r => r.StartsWith(Aims + ":", StringComparison.Ordinal))))
            .Select(d => $"{d.Title} {d.Version}").Order(StringComparer.Ordinal).ToArray();
        return shared.Length > 0
            ? new(Id, true, $"{shared.Length} published document(s) serve both systems: {string.Join(", ", shared.Take(5))}{(shared.Length > 5 ? ", …" : string.Empty)}.")
            : new(Id, false, "No published document addresses the shared clauses or both standards at once.");
    }

    private async Task<IntegrationEvidence> RiskMethodologyAsync(CancellationToken cancellationToken)
    {
        const string Id = "one-risk-methodology";
        var saved = await db.RiskMethodologies.AsNoTracking().Select(m => (int?)m.Version).MaxAsync(cancellationToken);
        var categories = await db.Risks.AsNoTracking().Select(r => r.Categories).ToListAsync(cancellationToken);
        var security = categories.Count(c => RiskCategories.Concerns(c, ai: false));
        var ai = categories.Count(c => RiskCategories.Concerns(c, ai: true));
        if (saved is null)
        {
            return new(Id, false, "No risk methodology saved; the default is not a documented methodology of the organization.");
        }

        return security > 0 && ai > 0
            ? new(Id, true, $"Risk methodology version {saved} rates {security} information-security and {ai} AI risk(s) in one register.")
            : new(Id, false, $"Risk methodology version {saved} is saved, but the register holds {security} information-security and {ai} AI risk(s); one methodology shows when both kinds are rated in it.");
    }
}
