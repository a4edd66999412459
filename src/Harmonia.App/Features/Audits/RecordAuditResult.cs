using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.Domain.Audits;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Audits;

public sealed record AuditResultInput(string? ItemKey, string? Grade, string? Note, string? Sampled);

/// <summary>The item's result as recorded, and the nonconformity it raised, if any; the full checklist is a GET away.</summary>
public sealed record AuditResultRecorded(string ItemKey, string Ref, string Title, IReadOnlyList<string> RequirementIds, ChecklistResult Result, string AuditStatus, NonconformityDto? Raised);

/// <summary>
/// Records (or replaces) one checklist item's result. A minor or major nonconformity opens a nonconformity record for
/// the item's requirements, which then runs the corrective-action process (10.2); the item keeps pointing at it.
/// </summary>
public sealed class RecordAuditResultHandler(HarmoniaDbContext db, LoadedContent content, AuditActor actor, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such audit.</summary>
    public async Task<AuditResultRecorded> HandleAsync(Guid auditId, AuditResultInput input, CancellationToken cancellationToken = default)
    {
        var audit = await db.Audits.SingleOrDefaultAsync(a => a.Id == auditId, cancellationToken);
        if (audit is null)
        {
            throw new NotFoundException("audit");
        }

        if (audit.Status == AuditStatuses.Completed)
        {
            throw new InvalidInputException($"Audit {audit.Key} is completed; its results no longer change.");
        }

        // Which items exist and what they cover depends on the scope alone; the controls and documents that fill in an
        // item's detail are left out here, so recording one result does not load the whole organization.
        var item = AuditChecklist.Build(content.Catalog, AuditJson.Scope(audit.ScopeJson), [], [])
            .FirstOrDefault(i => i.Key == input.ItemKey?.Trim())
            ?? throw new InvalidInputException($"'{input.ItemKey}' is not an item of this audit's checklist.");
        if (!Enum.TryParse<FindingGrade>(input.Grade?.Trim(), ignoreCase: true, out var grade) || !Enum.IsDefined(grade))
        {
            throw new InvalidInputException($"The grade is one of: {string.Join(", ", Enum.GetNames<FindingGrade>())}.");
        }

        if (grade != FindingGrade.Conforming && string.IsNullOrWhiteSpace(input.Note))
        {
            throw new InvalidInputException("A finding other than conforming says what was found (note).");
        }

        if (input.Note is { Length: > 4000 } || input.Sampled is { Length: > 2000 })
        {
            throw new InvalidInputException("The note may have 4000 characters and the sample 2000.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var result = await db.AuditResults.SingleOrDefaultAsync(r => r.AuditId == auditId && r.ItemKey == item.Key, cancellationToken);
        if (result is null)
        {
            result = new AuditResultRecord { AuditId = auditId, ItemKey = item.Key, RequirementIds = string.Join(',', item.RequirementIds), Grade = string.Empty, RecordedBy = actor.Name };
            db.AuditResults.Add(result);
        }

        (result.Grade, result.Note, result.Sampled, result.RecordedBy, result.RecordedUtc) = (grade.ToString(), input.Note?.Trim(), input.Sampled?.Trim(), actor.Name, now);
        if (audit.Status == AuditStatuses.Planned)
        {
            audit.Status = AuditStatuses.InProgress;
        }

        NonconformityRecord? raised = null;
        if (grade.IsNonconformity())
        {
            // The save numbers it (NC-n) and writes the number into the JSON as well (ISequentialKey).
            var nc = new Nonconformity(string.Empty, grade, item.RequirementIds, $"internal audit {audit.Key}", input.Note!.Trim(), DateOnly.FromDateTime(now));
            raised = new NonconformityRecord
            {
                Key = nc.Id,
                AuditId = auditId,
                Grade = grade.ToString(),
                State = nc.State.ToString(),
                RequirementIds = string.Join(',', nc.RequirementIds),
                Json = NonconformityJson.Write(nc),
            };
            db.Nonconformities.Add(raised);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AuditResultRecorded(
            item.Key, item.Ref, item.Title, item.RequirementIds, new ChecklistResult(result.Grade, result.Note, result.Sampled, result.RecordedBy, result.RecordedUtc), audit.Status,
            raised is null ? null : NonconformityDto.From(raised));
    }
}
