using Harmonia.App.Features.Audits;
using Harmonia.App.Persistence;
using Harmonia.Domain.Audits;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// Closes an engagement: the auditor's access ends at once, and each finding becomes the organization's own
/// nonconformity (NC-n; an observation is kept there too, graded as such), worked through like any other.
/// </summary>
public sealed class CloseEngagementHandler(HarmoniaDbContext db, EngagementAccess access, TimeProvider time, ListEngagementsHandler list)
{
    public async Task<EngagementDto> HandleAsync(Guid engagementId, CancellationToken cancellationToken = default)
    {
        var engagement = await access.NotClosedAsync(engagementId, cancellationToken);
        var today = access.Today;
        var source = $"external audit engagement {engagement.Title} ({engagement.AuditorEmail})";
        foreach (var finding in await db.EngagementFindings.Where(f => f.EngagementId == engagement.Id && f.NonconformityId == null).OrderBy(f => f.RaisedOn).ThenBy(f => f.Id).ToListAsync(cancellationToken))
        {
            var grade = Enum.Parse<FindingGrade>(finding.Grade);
            var nc = new Nonconformity(string.Empty, grade, finding.RequirementIds.Split(','), source, finding.Text, finding.RaisedOn);
            var record = new NonconformityRecord
            {
                Key = nc.Id,
                Grade = grade.ToString(),
                State = nc.State.ToString(),
                RequirementIds = finding.RequirementIds,
                Json = NonconformityJson.Write(nc),
            };
            db.Nonconformities.Add(record);
            finding.NonconformityId = record.Id;
        }

        engagement.ClosedUtc = time.GetUtcNow().UtcDateTime;
        if (engagement.EndsOn > today)
        {
            engagement.EndsOn = today;
        }

        engagement.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await list.OneAsync(engagement.Id, cancellationToken);
    }
}
