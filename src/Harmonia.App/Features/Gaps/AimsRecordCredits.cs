using Harmonia.App.Content;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Reviews;
using Harmonia.App.Persistence;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Readiness;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Gaps;

/// <summary>
/// The records that make a shared process serve the AI audit too (DESIGN.md "Gap analysis, precisely" item 6): the
/// crosswalk rates 42001 7.5.1, 9.2.1, 9.2.2, 9.3.1 and 9.3.3 only `subset` of the shared clauses, and these records
/// credit them to satisfied: the documents 42001 asks for published (7.5.1), a completed internal audit whose scope
/// included the 42001 requirements (9.2.x), a management review whose inputs covered the AIMS (9.3.x). Nothing is
/// credited until the AIMS work has started, so the inferred result and its provenance stay visible until then.
/// </summary>
public sealed class AimsRecordCredits(HarmoniaDbContext db, LoadedContent content, PublishedDocuments published, TimeProvider time)
{
    private const string Aims = "iso42001-2023";
    private const int Named = 6;

    public async Task<IReadOnlyList<RecordCredit>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var since = today.AddMonths(-ReadinessModel.RecordWindowMonths);
        var credits = new List<RecordCredit>();
        credits.AddRange(await DocumentCreditsAsync(cancellationToken));
        credits.AddRange(await AuditCreditsAsync(today, since, cancellationToken));
        credits.AddRange(await ReviewCreditsAsync(today, since, cancellationToken));
        return credits;
    }

    private async Task<IEnumerable<RecordCredit>> DocumentCreditsAsync(CancellationToken cancellationToken)
    {
        var documents = await published.HandleAsync(cancellationToken);
        var required = DocumentCoverage.Compute(content.Documents, content.Catalog).Rows
            .Where(r => r.FrameworkId == Aims && r.Statements.Count > 0)
            .ToArray();
        var missing = required.Where(r => !documents.Any(d => d.RequirementIds.Contains(r.RequirementId))).ToArray();
        var done = required.Length - missing.Length;
        if (done == 0)
        {
            return [];
        }

        var reason = $"Published documents address {done} of the {required.Length} ISO/IEC 42001 requirements that ask for documented information";
        return
        [
            missing.Length == 0
                ? new RecordCredit(Aims + ":7.5.1", RequirementResult.Satisfied, reason + ", so the AIMS's own documents are kept under the shared document control.")
                : new RecordCredit(Aims + ":7.5.1", RequirementResult.PartiallySatisfied, reason + "; not yet published for: " + Refs(missing.Select(m => m.Ref)) + "."),
        ];
    }

    private async Task<IEnumerable<RecordCredit>> AuditCreditsAsync(DateOnly today, DateOnly since, CancellationToken cancellationToken)
    {
        var audits = (await db.Audits.AsNoTracking().OrderBy(a => a.PlannedStart).ThenBy(a => a.Key)
                .Select(a => new { a.Key, a.Title, a.Status, a.CompletedOn, a.PlannedStart, a.ScopeJson }).ToListAsync(cancellationToken))
            .Select(a => (a.Key, a.Title, a.Status, a.CompletedOn, a.PlannedStart, Scope: AuditJson.Scope(a.ScopeJson).RequirementIds.Where(r => r.StartsWith(Aims + ":", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal)))
            .Where(a => a.Scope.Count > 0)
            .ToArray();
        if (audits.Length == 0)
        {
            return [];
        }

        var completed = audits.Where(a => a.Status == AuditStatuses.Completed && a.CompletedOn is { } on && on > since && on <= today).ToArray();
        var clauses = content.Catalog.FindFramework(Aims)!.Requirements.Where(r => r.Kind == RequirementKind.Clause).ToArray();
        var unaudited = clauses.Where(c => !completed.Any(a => a.Scope.Contains(c.Id))).ToArray();
        if (completed.Length == 0)
        {
            var next = audits.FirstOrDefault(a => a.Status != AuditStatuses.Completed);
            var reason = next.Key is null
                ? $"No internal audit that included ISO/IEC 42001 was completed in the last {ReadinessModel.RecordWindowMonths} months; the AIMS has not been audited in this cycle."
                : $"Audit {next.Key} ({next.Title}) includes ISO/IEC 42001 in its scope and is planned from {next.PlannedStart:yyyy-MM-dd}; the AIMS counts as audited once it is completed.";
            return [new RecordCredit(Aims + ":9.2.1", RequirementResult.PartiallySatisfied, reason), new RecordCredit(Aims + ":9.2.2", RequirementResult.PartiallySatisfied, reason)];
        }

        var names = string.Join(", ", completed.Select(a => $"{a.Key} {a.Title} (completed {a.CompletedOn:yyyy-MM-dd})"));
        var audited = $"Internal audits with ISO/IEC 42001 in their scope completed in the last {ReadinessModel.RecordWindowMonths} months: {names}";
        var programme = unaudited.Length == 0
            ? new RecordCredit(Aims + ":9.2.2", RequirementResult.Satisfied, audited + "; together they covered every ISO/IEC 42001 clause requirement.")
            : new RecordCredit(Aims + ":9.2.2", RequirementResult.PartiallySatisfied, audited + $"; the programme has not yet audited {unaudited.Length} of the {clauses.Length} ISO/IEC 42001 clause requirements ({Refs(unaudited.Select(c => c.Ref))}) in this cycle.");
        return [new RecordCredit(Aims + ":9.2.1", RequirementResult.Satisfied, audited + "."), programme];
    }

    private async Task<IEnumerable<RecordCredit>> ReviewCreditsAsync(DateOnly today, DateOnly since, CancellationToken cancellationToken)
    {
        var reviews = await db.ManagementReviews.AsNoTracking().Where(m => m.HeldOn > since && m.HeldOn <= today).OrderByDescending(m => m.HeldOn)
            .Select(m => new { m.HeldOn, m.InputsJson, m.Decisions }).ToListAsync(cancellationToken);
        if (reviews.Count == 0)
        {
            return [];
        }

        // A review covered the AIMS when top management had the AI management system's own inputs in front of it;
        // one that only weighed the ISMS is a 27001 review, however integrated its name.
        var covering = reviews.Select(r => (r.HeldOn, r.Decisions, Topics: ReviewJson.Inputs(r.InputsJson).Where(i => i.Standards == Aims).Select(i => i.Topic).ToArray()))
            .FirstOrDefault(r => r.Topics.Length > 0);
        if (covering.Topics is null)
        {
            var reason = $"The management review of {reviews[0].HeldOn:yyyy-MM-dd} had no inputs about the AI management system (AI risks, impact assessments, AI concerns); a review that considers the AIMS is still to be held.";
            return [new RecordCredit(Aims + ":9.3.1", RequirementResult.PartiallySatisfied, reason), new RecordCredit(Aims + ":9.3.3", RequirementResult.PartiallySatisfied, reason)];
        }

        var held = $"Management review held on {covering.HeldOn:yyyy-MM-dd} with the AIMS's own inputs ({string.Join(", ", covering.Topics)})";
        return
        [
            new RecordCredit(Aims + ":9.3.1", RequirementResult.Satisfied, held + "."),
            string.IsNullOrWhiteSpace(covering.Decisions)
                ? new RecordCredit(Aims + ":9.3.3", RequirementResult.PartiallySatisfied, held + ", but its record holds no decisions; the results of the review are what 9.3.3 asks to keep.")
                : new RecordCredit(Aims + ":9.3.3", RequirementResult.Satisfied, held + "; its decisions and actions are recorded."),
        ];
    }

    private static string Refs(IEnumerable<string> refs)
    {
        var all = refs.ToArray();
        return string.Join(", ", all.Take(Named)) + (all.Length > Named ? $" and {all.Length - Named} more" : string.Empty);
    }
}
