using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.Domain.AiSystems;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <param name="Id">The qualified requirement id (eu-ai-act-2024:Art. 9), as in the gap report.</param>
/// <param name="Reason">Why it binds the organization for this system.</param>
/// <param name="Condition">A further condition to check before relying on it; null when none.</param>
public sealed record EuAiActObligationDto(string Id, string Article, string Title, string Summary, string Reason, string? Condition);

/// <param name="Classified">Whether both the EU AI Act role and class are recorded; until then <see cref="Missing"/> says what to record.</param>
public sealed record EuAiActObligationsDto(string? EuAiActRole, string? EuAiActClass, bool Classified, string? Missing, IReadOnlyList<EuAiActObligationDto> Obligations);

/// <summary>The EU AI Act obligations one AI system brings the organization, selected by its role and class.</summary>
public sealed class GetEuAiActObligationsHandler(HarmoniaDbContext db, LoadedContent content)
{
    public async Task<EuAiActObligationsDto> HandleAsync(Guid aiSystemId, CancellationToken cancellationToken = default)
    {
        var system = await db.AiSystems.AsNoTracking().Where(a => a.Id == aiSystemId).Select(a => new { a.EuAiActRole, a.EuAiActClass })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("AI system");
        return For(system.EuAiActRole, system.EuAiActClass);
    }

    public EuAiActObligationsDto For(string? role, string? riskClass)
    {
        var act = content.Catalog.FindFramework(EuAiActApplicability.FrameworkId)
            ?? throw new InvalidOperationException("The shipped content has no EU AI Act catalog.");
        var selected = EuAiActApplicability.For(act, role, riskClass);
        return new EuAiActObligationsDto(
            role, riskClass, selected.Missing is null, selected.Missing,
            selected.Obligations.Select(o => new EuAiActObligationDto(o.Obligation.Id, o.Obligation.Ref, o.Obligation.Title, o.Obligation.Summary, o.Reason, o.Condition)).ToArray());
    }
}
