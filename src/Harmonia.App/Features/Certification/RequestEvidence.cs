using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>The external auditor asks for a piece of evidence, due by a date, from a named member.</summary>
public sealed class RequestEvidenceHandler(HarmoniaDbContext db, EngagementAccess access, ListEngagementsHandler list)
{
    public const int MostRequests = 500;

    public async Task<EngagementDto> HandleAsync(Guid engagementId, Guid auditorUserId, EvidenceRequestInput input, CancellationToken cancellationToken = default)
    {
        var engagement = await access.AuditorsAsync(engagementId, auditorUserId, cancellationToken);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 2000)
        {
            errors["text"] = ["Say what you need to see (1 to 2000 characters)."];
        }

        if (input.DueOn is null || input.DueOn < access.Today)
        {
            errors["dueOn"] = ["Give a due date (YYYY-MM-DD), today or later."];
        }

        Guid? assignee = null;
        var email = input.AssigneeEmail?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(email))
        {
            errors["assigneeEmail"] = ["Name the member who should answer (their e-mail address)."];
        }
        else
        {
            assignee = await db.Memberships.Where(m => m.Role != OrganizationRole.ExternalAuditor && db.Users.Any(u => u.Id == m.UserId && u.NormalizedEmail == email))
                .Select(m => (Guid?)m.UserId).SingleOrDefaultAsync(cancellationToken);
            if (assignee is null)
            {
                errors["assigneeEmail"] = ["No member of the organization has this address."];
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var numbers = await db.EvidenceRequests.Where(r => r.EngagementId == engagement.Id).Select(r => r.Number).ToListAsync(cancellationToken);
        if (numbers.Count >= MostRequests)
        {
            throw new LimitReachedException($"An engagement holds at most {MostRequests} evidence requests.");
        }

        db.EvidenceRequests.Add(new EvidenceRequestRecord
        {
            EngagementId = engagement.Id,
            Number = numbers.Count == 0 ? 1 : numbers.Max() + 1,
            Text = text!,
            DueOn = input.DueOn!.Value,
            AssigneeUserId = assignee,
            State = EvidenceRequestStates.Open,
        });
        await db.SaveChangesAsync(cancellationToken);
        return await list.OneAsync(engagement.Id, cancellationToken);
    }
}
