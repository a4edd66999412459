using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Reviews;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <summary>The kinds of record a member can own, as they appear in routes ("control", "corrective-action", ...).</summary>
public static class OwnedSubjects
{
    public const string Control = "control";
    public const string AiSystem = "ai-system";
    public const string Evidence = "evidence";
    public const string Document = "document";
    public const string Objective = "objective";
    public const string CorrectiveAction = "corrective-action";
    public const string ReviewAction = "review-action";
    public const string Supplier = "supplier";
    public const string Audit = "audit";
    public const string Soa = "soa";

    /// <summary>Owned through the risk's own "owner's account" (the person who accepts it), not through an assignment row.</summary>
    public const string Risk = "risk";

    /// <summary>Owned through the activity's own owner account.</summary>
    public const string Recurring = "recurring";

    public static readonly IReadOnlyList<string> All = [Control, AiSystem, Evidence, Document, Objective, CorrectiveAction, ReviewAction, Supplier, Audit, Soa, Risk, Recurring];

    public static string Key(string subject, string subjectId) => $"{subject}:{subjectId}";
}

/// <summary>A record that has an owner: what it is called, where it lives, what free text it names and which member owns it.</summary>
/// <param name="OwnerText">The owner as typed before owners were members ("CISO", "Dana"); kept, never overwritten.</param>
/// <param name="MemberId">The member who owns it, or null while nobody does.</param>
public sealed record OwnedRecord(string Subject, string SubjectId, string Name, string Link, string? OwnerText, Guid? MemberId);

/// <summary>
/// Every record of the organization that can be owned, read from the modules' own tables with its assignment. The one
/// place that knows where owners live, so the picker, the matcher, the list of owners to resolve and due work agree.
/// </summary>
public sealed class OwnedRecords(HarmoniaDbContext db)
{
    public async Task<Dictionary<string, Guid>> AssignmentsAsync(CancellationToken ct) =>
        (await db.OwnerAssignments.AsNoTracking().Select(a => new { a.Subject, a.SubjectId, a.UserId }).ToListAsync(ct))
        .ToDictionary(a => OwnedSubjects.Key(a.Subject, a.SubjectId), a => a.UserId, StringComparer.Ordinal);

    /// <summary>The record, or null when the organization has no such record (the caller answers 404).</summary>
    public async Task<OwnedRecord?> OneAsync(string subject, string subjectId, CancellationToken ct) =>
        OwnedSubjects.All.Contains(subject, StringComparer.Ordinal) && subjectId.Length <= 100
            ? (await OfKindAsync(subject, await AssignmentsAsync(ct), ct)).SingleOrDefault(r => r.SubjectId == subjectId)
            : null;

    /// <summary>Every record of one kind (none for a kind that does not exist), read at once for a page of pickers.</summary>
    public async Task<IReadOnlyList<OwnedRecord>> OfSubjectAsync(string subject, CancellationToken ct) =>
        OwnedSubjects.All.Contains(subject, StringComparer.Ordinal) ? [.. await OfKindAsync(subject, await AssignmentsAsync(ct), ct)] : [];

    public async Task<IReadOnlyList<OwnedRecord>> AllAsync(CancellationToken ct)
    {
        var assigned = await AssignmentsAsync(ct);
        var all = new List<OwnedRecord>();
        foreach (var subject in OwnedSubjects.All)
        {
            all.AddRange(await OfKindAsync(subject, assigned, ct));
        }

        return all;
    }

    private async Task<IEnumerable<OwnedRecord>> OfKindAsync(string subject, Dictionary<string, Guid> assigned, CancellationToken ct)
    {
        Guid? Owner(string id) => assigned.TryGetValue(OwnedSubjects.Key(subject, id), out var user) ? user : null;
        OwnedRecord Row(string id, string name, string link, string? text) => new(subject, id, name, link, string.IsNullOrWhiteSpace(text) ? null : text.Trim(), Owner(id));
        switch (subject)
        {
            case OwnedSubjects.Control:
                return (await db.Controls.AsNoTracking().Select(c => new { c.Id, c.Key, c.Name, c.Owner }).ToListAsync(ct))
                    .Select(c => Row(c.Id.ToString(), $"control {c.Key} '{c.Name}'", $"controls/{c.Id}", c.Owner));
            case OwnedSubjects.AiSystem:
                return (await db.AiSystems.AsNoTracking().Select(s => new { s.Id, s.Key, s.Name }).ToListAsync(ct))
                    .Select(s => Row(s.Id.ToString(), $"AI system {s.Key} '{s.Name}' and its impact assessments", $"ai-systems/{s.Id}", null));
            case OwnedSubjects.Evidence:
                return (await db.Evidence.AsNoTracking().Select(e => new { e.Id, e.Title }).ToListAsync(ct))
                    .Select(e => Row(e.Id.ToString(), $"evidence '{e.Title}'", $"evidence/{e.Id}", null));
            case OwnedSubjects.Document:
                return (await db.Documents.AsNoTracking().Select(d => new { d.Id, d.Title }).ToListAsync(ct))
                    .Select(d => Row(d.Id.ToString(), $"document '{d.Title}'", $"documents/{d.Id}", null));
            case OwnedSubjects.Objective:
                return (await db.Objectives.AsNoTracking().Select(o => new { o.Id, o.Key, o.Title, o.Owner }).ToListAsync(ct))
                    .Select(o => Row(o.Id.ToString(), $"objective {o.Key} '{o.Title}'", "objectives", o.Owner));
            case OwnedSubjects.CorrectiveAction:
                return (await db.Nonconformities.AsNoTracking().Select(n => new { n.Id, n.Json }).ToListAsync(ct))
                    .SelectMany(n =>
                    {
                        var nc = NonconformityJson.Read(n.Json);
                        return nc.Actions.Select(a => Row($"{n.Id}:{a.Id}", $"corrective action '{a.Description}' of {nc.Id}", $"nonconformities/{n.Id}", a.Owner));
                    });
            case OwnedSubjects.ReviewAction:
                return (await db.ManagementReviews.AsNoTracking().Select(r => new { r.Id, r.HeldOn, r.ActionsJson }).ToListAsync(ct))
                    .SelectMany(r => ReviewJson.Actions(r.ActionsJson)
                        .Select((a, index) => Row($"{r.Id}:{index}", $"action '{a.Description}' of the management review of {r.HeldOn:yyyy-MM-dd}", "management-reviews", a.Owner)));
            case OwnedSubjects.Supplier:
                return (await db.Suppliers.AsNoTracking().Select(s => new { s.Id, s.Key, s.Name }).ToListAsync(ct))
                    .Select(s => Row(s.Id.ToString(), $"supplier {s.Key} '{s.Name}'", $"suppliers/{s.Id}", null));
            case OwnedSubjects.Audit:
                return (await db.Audits.AsNoTracking().Select(a => new { a.Id, a.Key, a.Title }).ToListAsync(ct))
                    .Select(a => Row(a.Id.ToString(), $"internal audit {a.Key} '{a.Title}'", $"audits/{a.Id}", null));
            case OwnedSubjects.Soa:
                return new[] { ("iso27001-2022", "ISO/IEC 27001"), ("iso42001-2023", "ISO/IEC 42001") }
                    .Select(f => Row(f.Item1, $"Statement of Applicability for {f.Item2}", $"soa/{f.Item1}", null));
            case OwnedSubjects.Risk:
                return (await db.Risks.AsNoTracking().Select(r => new { r.Id, r.Key, r.Title, r.Owner, r.OwnerUserId }).ToListAsync(ct))
                    .Select(r => new OwnedRecord(subject, r.Id.ToString(), $"risk {r.Key} '{r.Title}'", "risks", string.IsNullOrWhiteSpace(r.Owner) ? null : r.Owner.Trim(), r.OwnerUserId));
            case OwnedSubjects.Recurring:
                return (await db.RecurringActivities.AsNoTracking().Select(a => new { a.Id, a.Key, a.Title, a.Owner, a.OwnerUserId }).ToListAsync(ct))
                    .Select(a => new OwnedRecord(subject, a.Id.ToString(), $"recurring activity {a.Key} '{a.Title}'", "recurring", string.IsNullOrWhiteSpace(a.Owner) ? null : a.Owner.Trim(), a.OwnerUserId));
            default:
                return [];
        }
    }
}
