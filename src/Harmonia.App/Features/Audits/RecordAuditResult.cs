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
        var (audit, checklist) = await OpenAsync(db, content, auditId, cancellationToken);
        var item = Item(checklist, input.ItemKey);
        var existing = await db.AuditResults.SingleOrDefaultAsync(r => r.AuditId == auditId && r.ItemKey == item.Key, cancellationToken);
        var (result, raised) = Apply(db, actor, time, audit, item, existing, Check(input), input);
        await db.SaveChangesAsync(cancellationToken);
        return new AuditResultRecorded(
            item.Key, item.Ref, item.Title, item.RequirementIds, new ChecklistResult(result.Grade, result.Note, result.Sampled, result.RecordedBy, result.RecordedUtc), audit.Status,
            raised is null ? null : NonconformityDto.From(raised));
    }

    /// <summary>The audit, open for results, and its checklist items (without the controls and documents that only fill in their detail).</summary>
    internal static async Task<(AuditRecord Audit, IReadOnlyList<ChecklistItem> Checklist)> OpenAsync(HarmoniaDbContext db, LoadedContent content, Guid auditId, CancellationToken cancellationToken)
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
        // item's detail are left out here, so recording a result does not load the whole organization.
        return (audit, AuditChecklist.Build(content.Catalog, AuditJson.Scope(audit.ScopeJson), [], []));
    }

    internal static ChecklistItem Item(IReadOnlyList<ChecklistItem> checklist, string? key) =>
        checklist.FirstOrDefault(i => i.Key == key?.Trim())
            ?? throw new InvalidInputException($"'{key}' is not an item of this audit's checklist.");

    /// <summary>The grade of a well-formed result, or a readable refusal.</summary>
    internal static FindingGrade Check(AuditResultInput input)
    {
        if (!Enum.TryParse<FindingGrade>(input.Grade?.Trim(), ignoreCase: true, out var grade) || !Enum.IsDefined(grade))
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["grade"] = [$"The grade is one of: {string.Join(", ", Enum.GetNames<FindingGrade>())}."] });
        }

        if (grade != FindingGrade.Conforming && string.IsNullOrWhiteSpace(input.Note))
        {
            // Keyed by the field, so the checklist row puts the message beside the note (ADR 0023).
            throw new InvalidInputException(new Dictionary<string, string[]> { ["note"] = ["A finding other than conforming says what was found (note)."] });
        }

        if (input.Note is { Length: > 4000 } || input.Sampled is { Length: > 2000 })
        {
            throw new InvalidInputException("The note may have 4000 characters and the sample 2000.");
        }

        return grade;
    }

    /// <summary>
    /// Records the item's result, replacing <paramref name="existing"/> (the item's stored result, if any), without
    /// saving; a nonconformity grade adds the nonconformity the save numbers.
    /// </summary>
    internal static (AuditResultRecord Result, NonconformityRecord? Raised) Apply(
        HarmoniaDbContext db, AuditActor actor, TimeProvider time, AuditRecord audit, ChecklistItem item, AuditResultRecord? existing, FindingGrade grade, AuditResultInput input)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var result = existing;
        if (result is null)
        {
            result = new AuditResultRecord { AuditId = audit.Id, ItemKey = item.Key, RequirementIds = string.Join(',', item.RequirementIds), Grade = string.Empty, RecordedBy = actor.Name };
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
                AuditId = audit.Id,
                Grade = grade.ToString(),
                State = nc.State.ToString(),
                RequirementIds = string.Join(',', nc.RequirementIds),
                Json = NonconformityJson.Write(nc),
            };
            db.Nonconformities.Add(raised);
        }

        return (result, raised);
    }
}
