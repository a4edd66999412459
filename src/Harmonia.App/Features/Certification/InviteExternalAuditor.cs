using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

public sealed record InviteExternalAuditorRequest(Guid OrganizationId, EngagementInput Input, Guid InviterUserId, OrganizationRole InviterRole, string? Address);

/// <summary>
/// Opens an engagement with an external auditor and invites them (ADR 0016's invitation, offering the External
/// auditor role). An auditor who already holds that role here (an earlier engagement) needs no new invitation; a
/// member with any other role is refused, so an engagement never narrows a colleague's access.
/// </summary>
public sealed class InviteExternalAuditorHandler(HarmoniaDbContext db, TenantScope tenant, LoadedContent content, EngagementAccess access, InviteMemberHandler invite)
{
    public const int LongestEngagementDays = 366;

    public async Task<EngagementCreated> HandleAsync(InviteExternalAuditorRequest request, CancellationToken cancellationToken = default)
    {
        tenant.Enter(request.OrganizationId);
        var input = request.Input;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 200)
        {
            errors["title"] = ["Name the engagement (1 to 200 characters), e.g. Stage 2 audit 2027."];
        }

        var email = input.AuditorEmail?.Trim() ?? string.Empty;
        if (email.Length is 0 or > 256 || !System.Net.Mail.MailAddress.TryCreate(email, out var parsed) || !string.Equals(parsed.Address, email, StringComparison.Ordinal))
        {
            errors["auditorEmail"] = ["Give the auditor's e-mail address, like name@body.example."];
        }

        var standards = (input.Standards ?? []).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToArray();
        if (standards.Length == 0 || standards.Any(s => !CertificationChoices.Frameworks.Contains(s)))
        {
            errors["standards"] = ["Choose the standards audited: iso27001-2022, iso42001-2023 or both."];
        }

        var requirements = (input.RequirementIds ?? []).Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
        var unknown = requirements.Where(r => content.Catalog.FindRequirement(r) is null || !standards.Any(s => r.StartsWith(s + ":", StringComparison.Ordinal))).ToArray();
        if (unknown.Length > 0 || requirements.Length > 100)
        {
            errors["requirementIds"] = [unknown.Length > 0 ? $"Not a requirement of the chosen standards: {string.Join(", ", unknown.Take(5))}." : "Name at most 100 requirements."];
        }

        if (input.PeriodFrom is null || input.PeriodTo is null || input.PeriodFrom > input.PeriodTo)
        {
            errors["periodFrom"] = ["Give the period of records under audit: from and to (YYYY-MM-DD), from not after to."];
        }

        if (input.StartsOn is null || input.EndsOn is null || input.StartsOn > input.EndsOn)
        {
            errors["startsOn"] = ["Give the first and last day of the auditor's access (YYYY-MM-DD), the first not after the last."];
        }
        else if (input.EndsOn < access.Today)
        {
            errors["endsOn"] = ["The last day of access has already passed."];
        }
        else if (input.EndsOn.Value.DayNumber - input.StartsOn.Value.DayNumber >= LongestEngagementDays)
        {
            errors["endsOn"] = [$"An engagement lasts at most {LongestEngagementDays} days; open another for the next audit."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var normalized = email.ToUpperInvariant();
        var role = await db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserId && u.NormalizedEmail == normalized)).Select(m => (OrganizationRole?)m.Role).SingleOrDefaultAsync(cancellationToken);
        if (role is not null and not OrganizationRole.ExternalAuditor)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["auditorEmail"] = ["This address belongs to a member of the organization; an external auditor needs an address of their own."] });
        }

        var engagement = new EngagementRecord
        {
            Id = Guid.CreateVersion7(),
            Title = title!,
            AuditorEmail = email,
            NormalizedAuditorEmail = normalized,
            Standards = string.Join(',', standards),
            RequirementIds = string.Join(',', requirements),
            PeriodFrom = input.PeriodFrom!.Value,
            PeriodTo = input.PeriodTo!.Value,
            StartsOn = input.StartsOn!.Value,
            EndsOn = input.EndsOn!.Value,
        };
        db.Engagements.Add(engagement);
        if (role is not null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return new EngagementCreated(ListEngagementsHandler.Summary(engagement, access.Today), null, null);
        }

        // The invitation use case saves, and with it the engagement: one transaction for both.
        var issued = (await invite.HandleAsync(new InviteMemberRequest(request.OrganizationId, email, OrganizationRole.ExternalAuditor, request.InviterUserId, request.InviterRole, request.Address, ForEngagement: true,
            EngagementEndsUtc: engagement.EndsOn.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)), cancellationToken)).Invitation!;
        engagement.InvitationId = issued.Invitation.Id;
        await db.SaveChangesAsync(cancellationToken);
        return new EngagementCreated(ListEngagementsHandler.Summary(engagement, access.Today), issued.Invitation, issued.Token);
    }
}
