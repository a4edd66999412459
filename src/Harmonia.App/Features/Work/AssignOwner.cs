using Harmonia.App.Common;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Harmonia.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <summary>A record and its owner as the picker and the API show them.</summary>
public sealed record OwnerDto(string Subject, string SubjectId, string Name, string Link, string? OwnerText, OwnerMemberDto? Owner);

public sealed record OwnerMemberDto(Guid Id, string Name);

public sealed record OwnerInput(Guid? UserId);

/// <summary>
/// Makes a member the owner of a record, or nobody. The new owner hears of it at once (inbox and, when wanted, e-mail)
/// with the record's open due work, and the sweep's "new for you" for those items is recorded as told, so the same
/// news does not arrive twice. A risk's new owner starts without the old owner's sign-offs, as on the risk form.
/// </summary>
public sealed class AssignOwnerHandler(HarmoniaDbContext db, OwnedRecords owned, AuditActor actor, SignedInPerson person, ListDueWorkHandler work, TenantScope tenant, MailSettings mail, TimeProvider time)
{
    public async Task<OwnerDto> HandleAsync(string subject, string subjectId, OwnerInput input, CancellationToken cancellationToken = default)
    {
        var record = await owned.OneAsync(subject, subjectId, cancellationToken) ?? throw new NotFoundException("record", subjectId);
        var members = await work.MembersAsync(cancellationToken);
        if (input.UserId is { } chosen && members.All(m => m.Id != chosen))
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["userId"] = ["That person is not an active member of this organization: invite them first, then assign."] });
        }

        if (record.MemberId == input.UserId)
        {
            return Dto(record, members);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await ApplyAsync(record, input.UserId, now, cancellationToken);
        if (input.UserId is { } owner && owner != await person.UserIdAsync(cancellationToken))
        {
            await AnnounceAsync([record], owner, members, now, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone assigned the same record at the same moment and was stored first.
            throw new DuplicateException($"Someone assigned {record.Name} at the same moment; reload it to see its owner, then assign again if needed.");
        }

        return Dto(record with { MemberId = input.UserId }, members);
    }

    public async Task<OwnerDto> GetAsync(string subject, string subjectId, CancellationToken cancellationToken = default) =>
        Dto(await owned.OneAsync(subject, subjectId, cancellationToken) ?? throw new NotFoundException("record", subjectId), await work.MembersAsync(cancellationToken));

    /// <summary>The owners of every record of one kind by record id, for a page that shows many pickers of that kind.</summary>
    public async Task<IReadOnlyDictionary<string, OwnerDto>> OfSubjectAsync(string subject, IReadOnlyList<MemberName> members, CancellationToken cancellationToken = default) =>
        (await owned.OfSubjectAsync(subject, cancellationToken)).ToDictionary(r => r.SubjectId, r => Dto(r, members), StringComparer.Ordinal);

    internal static OwnerDto Dto(OwnedRecord record, IReadOnlyList<MemberName> members) =>
        new(record.Subject, record.SubjectId, record.Name, record.Link, record.OwnerText,
            record.MemberId is { } id ? new OwnerMemberDto(id, members.FirstOrDefault(m => m.Id == id) is { } m ? m.DisplayName ?? m.Email : "a former member") : null);

    /// <summary>Stores the owner where the record keeps it; the caller saves. Also used by the owner matcher.</summary>
    internal async Task ApplyAsync(OwnedRecord record, Guid? userId, DateTime now, CancellationToken cancellationToken, string? assignedBy = null)
    {
        switch (record.Subject)
        {
            case OwnedSubjects.Risk:
                var risk = await db.Risks.SingleAsync(r => r.Id == Guid.Parse(record.SubjectId), cancellationToken);
                risk.OwnerUserId = userId;

                // The old owner accepted and approved as themselves; the new owner signs anew (as the risk form does).
                risk.WithdrawAcceptance();
                (risk.TreatmentApprovedBy, risk.TreatmentApprovedUtc) = (null, null);
                risk.Version++;
                break;
            case OwnedSubjects.Recurring:
                var activity = await db.RecurringActivities.SingleAsync(a => a.Id == Guid.Parse(record.SubjectId), cancellationToken);
                activity.OwnerUserId = userId;
                activity.Version++;
                break;
            default:
                var existing = await db.OwnerAssignments.SingleOrDefaultAsync(a => a.Subject == record.Subject && a.SubjectId == record.SubjectId, cancellationToken);
                if (userId is not { } user)
                {
                    if (existing is not null)
                    {
                        db.OwnerAssignments.Remove(existing);
                    }

                    break;
                }

                if (existing is null)
                {
                    existing = new OwnerAssignmentRecord { Id = Guid.CreateVersion7(), Subject = record.Subject, SubjectId = record.SubjectId, AssignedBy = actor.Name };
                    db.OwnerAssignments.Add(existing);
                }

                (existing.UserId, existing.AssignedUtc, existing.AssignedBy) = (user, now, assignedBy ?? actor.Name);
                break;
        }
    }

    /// <summary>
    /// Tells the new owner of <paramref name="records"/> in one message (one e-mail at most, however many records were
    /// assigned at once), with their open due work; the caller saves.
    /// </summary>
    internal async Task AnnounceAsync(IReadOnlyList<OwnedRecord> records, Guid owner, IReadOnlyList<MemberName> members, DateTime now, CancellationToken cancellationToken)
    {
        var organizationId = tenant.OrganizationId ?? throw new InvalidOperationException("Owners belong to one organization.");
        var ownedBy = records.Select(r => OwnedSubjects.Key(r.Subject, r.SubjectId)).ToHashSet(StringComparer.Ordinal);
        var open = (await work.DeriveAsync(members, cancellationToken)).Where(i => i.OwnedBy is { } key && ownedBy.Contains(key)).ToArray();
        var by = Who(actor.Name, members);
        var what = records.Count == 1 ? records[0].Name : $"{records.Count} records";
        var text = records.Count == 1
            ? $"{by} made you the owner of {records[0].Name}."
            : $"{by} made you the owner of {records.Count} records:" + Environment.NewLine + string.Join(Environment.NewLine, records.Take(50).Select(r => $"- {r.Name}"));
        if (open.Length > 0)
        {
            text += Environment.NewLine + Environment.NewLine + "Open now:" + Environment.NewLine + string.Join(Environment.NewLine, open.Take(20).Select(i => $"- {i.Reason} ({i.DueOn:yyyy-MM-dd})"));
        }

        var settings = await db.ReminderPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == owner, cancellationToken);
        var emails = mail.IsConfigured && (settings?.ToPreferences() ?? ReminderPreferences.Default).Emails(ReminderKind.Assigned);
        var link = records.Count == 1 ? $"/orgs/{organizationId}/{records[0].Link}" : $"/orgs/{organizationId}/work";
        var messageKey = records.Count == 1 ? $"owner:{ownedBy.Single()}:{now.Ticks}" : $"owners:{records.Count}:{now.Ticks}";
        db.Notifications.Add(NotificationRecord.New(organizationId, owner, nameof(ReminderKind.Assigned), messageKey, $"Now yours: {ReminderMessages.Clip(what, 200)}", text, link, now, emails));

        // These items were just announced with their records: the sweep must not announce them again as "new for you".
        var keys = open.Select(i => $"assigned:{i.Id}").ToArray();
        var told = await db.Notifications.Where(n => n.UserId == owner && keys.Contains(n.Key)).Select(n => n.Key).ToListAsync(cancellationToken);
        foreach (var key in keys.Except(told))
        {
            db.Notifications.Add(NotificationRecord.New(organizationId, owner, nameof(ReminderKind.Assigned), key, $"Now yours: {ReminderMessages.Clip(what, 200)}", text, link, now, emails: false, hidden: true));
        }
    }

    private static string Who(string actorName, IReadOnlyList<MemberName> members)
    {
        var email = actorName.StartsWith("user:", StringComparison.Ordinal) ? actorName[5..].Split(" (token ", 2)[0] : null;
        return members.FirstOrDefault(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase)) is { } m ? m.DisplayName ?? m.Email : email ?? "Harmonia";
    }
}
