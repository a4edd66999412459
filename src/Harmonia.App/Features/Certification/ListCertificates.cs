using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Reviews;
using Harmonia.App.Features.Soa;
using Harmonia.App.Persistence;
using Harmonia.Domain.Audits;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Certification;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// The organization's certificates, each with its derived three-year cycle (planned scope and due work per audit)
/// and the findings its body raised, soonest expiry first.
/// </summary>
public sealed class ListCertificatesHandler(HarmoniaDbContext db, LoadedContent content, ProposeSoaHandler propose, TimeProvider time, Common.OrganizationResultCache cache)
{
    /// <summary>Kept per change token and day (the dashboard shows them on every visit; with certificates they take
    /// the audits, reviews, findings and a SoA proposal to derive).</summary>
    public Task<IReadOnlyList<CertificateDto>> HandleAsync(Guid organizationId, CancellationToken cancellationToken = default) =>
        cache.GetOrComputeAsync(db, organizationId, "certificates", DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), () => ComputeAsync(organizationId, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<CertificateDto>> ComputeAsync(Guid organizationId, CancellationToken cancellationToken)
    {
        var certificates = await db.Certificates.AsNoTracking().OrderBy(c => c.ExpiresOn).ThenBy(c => c.Number).ToListAsync(cancellationToken);
        if (certificates.Count == 0)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var audits = (await db.Audits.AsNoTracking().Where(a => a.Status == AuditStatuses.Completed && a.CompletedOn != null)
                .Select(a => new { a.Key, a.Title, a.CompletedOn, a.ScopeJson }).ToListAsync(cancellationToken))
            .Select(a => new HeldRecord($"{a.Key} {a.Title}", a.CompletedOn!.Value, Standards(AuditJson.Scope(a.ScopeJson).RequirementIds))).ToArray();
        var reviews = (await db.ManagementReviews.AsNoTracking().Select(m => new { m.HeldOn, m.InputsJson }).ToListAsync(cancellationToken))
            .Select(m => new HeldRecord("Management review", m.HeldOn, ReviewStandards(m.InputsJson))).ToArray();
        var findings = await FindingsAsync(today, cancellationToken);
        var controls = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var result = new List<CertificateDto>();
        foreach (var c in certificates)
        {
            if (!controls.TryGetValue(c.FrameworkId, out var included))
            {
                included = await IncludedControlsAsync(organizationId, c.FrameworkId, cancellationToken);
                controls[c.FrameworkId] = included;
            }

            var clauses = content.Catalog.FindFramework(c.FrameworkId)?.Requirements.Count(r => r.Kind == RequirementKind.Clause) ?? 0;
            var cycle = CertificationCycle.Plan(new CertificateDates(c.FrameworkId, c.IssuedOn, c.ExpiresOn), clauses, included, audits, reviews);
            result.Add(new CertificateDto(c.Id, c.FrameworkId, c.Number, c.Body, c.Scope, c.IssuedOn, c.ExpiresOn, c.ExpiresOn.DayNumber - today.DayNumber, c.Version, cycle,
                findings.TryGetValue(c.Id, out var own) ? own : []));
        }

        return result;
    }

    /// <summary>Throws NotFoundException when the organization has no such certificate.</summary>
    public async Task<CertificateDto> OneAsync(Guid organizationId, Guid certificateId, CancellationToken cancellationToken = default) =>
        (await HandleAsync(organizationId, cancellationToken)).FirstOrDefault(c => c.Id == certificateId) ?? throw new NotFoundException("certificate");

    /// <summary>The standards a record covers; a shared clause (hs:) counts for both.</summary>
    private static string[] Standards(IEnumerable<string> requirementIds)
    {
        var ids = requirementIds.ToArray();
        return CertificationChoices.Frameworks.Where(f => ids.Any(r => r.StartsWith(f + ":", StringComparison.Ordinal) || r.StartsWith("hs:", StringComparison.Ordinal))).ToArray();
    }

    private static string[] ReviewStandards(string inputsJson)
    {
        var standards = ReviewJson.Inputs(inputsJson).Select(i => i.Standards).ToHashSet(StringComparer.Ordinal);
        return CertificationChoices.Frameworks.Where(f => standards.Contains(f) || (f == AuditTimeFacts.Isms && standards.Contains("both"))).ToArray();
    }

    /// <summary>The included Annex A controls of the approved SoA (else the latest saved one, else the proposal), in catalog order.</summary>
    private async Task<IReadOnlyList<string>> IncludedControlsAsync(Guid organizationId, string frameworkId, CancellationToken cancellationToken)
    {
        var versions = await db.SoaVersions.AsNoTracking().Where(v => v.FrameworkId == frameworkId && v.Status != SoaStatuses.Superseded)
            .OrderByDescending(v => v.Status == SoaStatuses.Approved).ThenByDescending(v => v.Number).Select(v => v.RowsJson).FirstOrDefaultAsync(cancellationToken);
        var rows = versions is not null ? SoaJson.Rows(versions) : await propose.HandleAsync(organizationId, frameworkId, cancellationToken);
        return rows.Where(r => r.Included).Select(r => r.Ref).ToArray();
    }

    private async Task<Dictionary<Guid, IReadOnlyList<BodyFindingDto>>> FindingsAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var rows = await db.BodyFindings.AsNoTracking().Join(db.Nonconformities, f => f.NonconformityId, n => n.Id, (f, n) => new { f, n.Key, n.Json })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
            {
                var nc = NonconformityJson.Read(r.Json);
                return (r.f.CertificateId, Dto: new BodyFindingDto(r.f.Id, r.f.Audit, r.f.NonconformityId, r.Key, Grade(nc.Grade), nc.State.ToString(), nc.Text, r.f.BodyReference, r.f.RespondBy, r.f.CloseBy,
                    nc.IsOpen && r.f.CloseBy < today));
            })
            .GroupBy(x => x.CertificateId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<BodyFindingDto>)g.Select(x => x.Dto).OrderBy(d => d.CloseBy).ThenBy(d => d.NonconformityKey, StringComparer.Ordinal).ToArray());
    }

    private static string Grade(FindingGrade grade) => grade == FindingGrade.MajorNonconformity ? "major" : "minor";
}
