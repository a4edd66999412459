using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Certification;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>The bodies the organization considers, each with its checklist and its quote beside the estimate.</summary>
public sealed class ListCandidateBodiesHandler(HarmoniaDbContext db, GetAuditTimeHandler auditTime)
{
    public async Task<IReadOnlyList<CandidateBodyDto>> HandleAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        var bodies = await db.CandidateBodies.AsNoTracking().OrderBy(b => b.Standard).ThenBy(b => b.Name).ToListAsync(cancellationToken);
        if (bodies.Count == 0)
        {
            return [];
        }

        var estimate = (await auditTime.HandleAsync(organizationId, cancellationToken)).Estimate;
        return bodies.Select(b => Dto(b, estimate)).ToArray();
    }

    /// <summary>Throws NotFoundException when the organization has no such body.</summary>
    public async Task<CandidateBodyDto> OneAsync(Guid organizationId, Guid bodyId, CancellationToken cancellationToken = default) =>
        (await HandleAsync(organizationId, cancellationToken)).FirstOrDefault(b => b.Id == bodyId) ?? throw new NotFoundException("certification body");

    private static CandidateBodyDto Dto(CandidateBodyRecord b, AuditTimeEstimate? estimate)
    {
        var days = estimate is null ? null : b.Standard switch
        {
            AuditTimeFacts.Isms => estimate.Isms.Days,
            AuditTimeFacts.Aims => estimate.Aims.Days,
            _ => estimate.Integrated.Days,
        };
        var comparison = days is null ? null : QuoteComparison.Of(days, b.QuotedInitialDays, b.QuotedSurveillanceDays, b.QuotedRecertificationDays, b.QuotedPrice);
        return new CandidateBodyDto(b.Id, b.Name, b.Standard, b.AccreditationBody, b.Languages, Checklist(b), b.QuotedInitialDays, b.QuotedSurveillanceDays, b.QuotedRecertificationDays,
            b.QuotedPrice, b.Currency, b.Note, days, comparison, b.Version);
    }

    /// <summary>The questions per standard; the AI questions only where ISO/IEC 42001 is audited.</summary>
    internal static IReadOnlyList<ChecklistItem> Checklist(CandidateBodyRecord b)
    {
        var ai = b.Standard != AuditTimeFacts.Isms;
        var items = new List<ChecklistItem>
        {
            new(ai ? "Accredited for ISO/IEC 42001 under ISO/IEC 42006" : "Accredited for ISO/IEC 27001 under ISO/IEC 27006-1", b.Accredited,
                "Only an accredited certificate is recognised by customers and regulators; an unaccredited one is a paper."),
            new("Its accreditation body signs the IAF multilateral recognition arrangement (MLA) for this scope", b.IafMlaSignatory,
                "The MLA is what makes the certificate accepted in other countries."),
        };
        if (ai)
        {
            items.Add(new("Auditors with demonstrated AI competence (AI technology, AI life cycle, the 42001 controls)", b.AiCompetentAuditors,
                "ISO/IEC 42006 sets competence criteria per audit role; ask for the team's qualifications."));
        }

        if (b.Standard == "integrated" || ai)
        {
            items.Add(new("Offers an integrated ISO/IEC 27001 + 42001 audit with one report", b.IntegratedAuditOffered,
                "An integrated audit saves up to a fifth of the summed days and one set of interviews."));
        }

        items.Add(new($"Audits in the languages needed{(string.IsNullOrWhiteSpace(b.Languages) ? string.Empty : $" ({b.Languages})")}", string.IsNullOrWhiteSpace(b.Languages) ? null : true,
            "Interviews and documents in the staff's language avoid interpretation time and misunderstandings."));
        items.Add(new("Can audit every site in scope", b.CoversAllSites, "Sites the body cannot reach need a partner body or another choice."));
        return items;
    }
}
