using System.Text.Json;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Audits;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>The organization's engagements with external auditors, and one engagement with its requests, samples and findings.</summary>
public sealed class ListEngagementsHandler(HarmoniaDbContext db, EngagementAccess access)
{
    public async Task<IReadOnlyList<EngagementSummaryDto>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Engagements.AsNoTracking().ToListAsync(cancellationToken);
        return rows.OrderByDescending(e => e.StartsOn).ThenBy(e => e.Title, StringComparer.Ordinal).Select(e => Summary(e, access.Today)).ToArray();
    }

    /// <summary>The organization's view (members).</summary>
    public async Task<EngagementDto> OneAsync(Guid engagementId, CancellationToken cancellationToken = default)
    {
        var engagement = await db.Engagements.AsNoTracking().SingleOrDefaultAsync(e => e.Id == engagementId, cancellationToken) ?? throw new NotFoundException("engagement");
        return await DetailAsync(engagement, cancellationToken);
    }

    /// <summary>The auditor's view: only their own engagement, only while it is open.</summary>
    public async Task<EngagementDto> WorkspaceAsync(Guid engagementId, Guid userId, CancellationToken cancellationToken = default) =>
        await DetailAsync(await access.AuditorsAsync(engagementId, userId, cancellationToken), cancellationToken);

    public static string Status(EngagementRecord e, DateOnly today) =>
        e.ClosedUtc is not null ? "closed" : today < e.StartsOn ? "not started" : today > e.EndsOn ? "ended" : "open";

    public static EngagementSummaryDto Summary(EngagementRecord e, DateOnly today) => new(
        e.Id, e.Title, e.AuditorEmail, Split(e.Standards), Split(e.RequirementIds), e.PeriodFrom, e.PeriodTo, e.StartsOn, e.EndsOn, Status(e, today), e.Version);

    private async Task<EngagementDto> DetailAsync(EngagementRecord engagement, CancellationToken cancellationToken)
    {
        var today = access.Today;
        var requests = await db.EvidenceRequests.AsNoTracking().Where(r => r.EngagementId == engagement.Id).ToListAsync(cancellationToken);
        var userIds = requests.Select(r => r.AssigneeUserId).OfType<Guid>().Distinct().ToArray();
        var emails = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.Email }).ToDictionaryAsync(u => u.Id, u => u.Email, cancellationToken);
        var evidenceIds = requests.Select(r => r.EvidenceId).OfType<Guid>().Distinct().ToArray();
        var titles = await db.Evidence.AsNoTracking().Where(v => evidenceIds.Contains(v.Id)).Select(v => new { v.Id, v.Title }).ToDictionaryAsync(v => v.Id, v => v.Title, cancellationToken);
        var samples = await db.EngagementSamples.AsNoTracking().Where(s => s.EngagementId == engagement.Id).ToListAsync(cancellationToken);
        var findings = await db.EngagementFindings.AsNoTracking().Where(f => f.EngagementId == engagement.Id).ToListAsync(cancellationToken);
        return new EngagementDto(
            Summary(engagement, today),
            requests.OrderBy(r => r.Number).Select(r => new EvidenceRequestDto(
                r.Id, r.Number, r.Text, r.DueOn, r.AssigneeUserId, r.AssigneeUserId is { } a ? emails.GetValueOrDefault(a) : null, r.State,
                r.EvidenceId, r.EvidenceId is { } ev ? titles.GetValueOrDefault(ev) : null, r.Answer, r.Comment,
                r.State is EvidenceRequestStates.Open or EvidenceRequestStates.Returned && r.DueOn < today, r.Version)).ToArray(),
            samples.OrderBy(s => s.DrawnUtc).Select(s => new EngagementSampleDto(
                s.Id, s.Population, s.PopulationSize, s.PopulationFingerprint, s.Size, s.Seed, s.Method,
                JsonSerializer.Deserialize<SampleItemDto[]>(s.SelectedJson) ?? [], s.DrawnUtc)).ToArray(),
            findings.OrderBy(f => f.RaisedOn).ThenBy(f => f.Id).Select(f => new EngagementFindingDto(
                f.Id, f.Grade, Enum.Parse<FindingGrade>(f.Grade).ToLabel(), f.Text, Split(f.RequirementIds), f.RaisedOn, f.NonconformityId)).ToArray());
    }

    private static string[] Split(string csv) => csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Where an evidence request stands; one source of truth for the words stored.</summary>
public static class EvidenceRequestStates
{
    public const string Open = "open";
    public const string Answered = "answered";
    public const string Accepted = "accepted";
    public const string Returned = "returned";
}
