using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Soa;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Soa;

/// <summary>
/// Saves the proposal with a person's decisions as the next draft version. What is valid is kept: a control still
/// undecided, included without a reason, excluded without a justification or excluded while a risk is treated with it
/// is saved as typed and listed as needing a decision (the draft cannot be approved until none is left). Refused only
/// for input that cannot be stored: an unknown control, a control decided twice, an unknown reason code, text too long.
/// </summary>
public sealed class SaveSoaVersionHandler(HarmoniaDbContext db, ProposeSoaHandler propose, AuditActor actor, TimeProvider time)
{
    public async Task<SoaVersionDto> HandleAsync(Guid organizationId, string frameworkId, SoaSaveInput input, CancellationToken cancellationToken = default)
    {
        SoaJson.RequireFramework(frameworkId);
        var proposal = await propose.HandleAsync(organizationId, frameworkId, cancellationToken);
        var problems = new List<string>();
        var decisions = new List<SoaDecision>();
        foreach (var d in input.Decisions ?? [])
        {
            var reasons = (d.Reasons ?? []).Select(code => (code, reason: SoaReasonText.Parse(code))).ToArray();
            problems.AddRange(reasons.Where(r => r.reason is null).Select(r => $"'{r.code}' is not a reason code (risk, impact, legal, contract, business)."));
            if (string.IsNullOrWhiteSpace(d.RequirementId))
            {
                problems.Add("Every decision names its requirementId.");
                continue;
            }

            if (d.Justification is { Length: > 2000 })
            {
                problems.Add($"{d.RequirementId}: the justification may have 2000 characters.");
            }

            decisions.Add(new SoaDecision(d.RequirementId.Trim(), d.Included, reasons.Where(r => r.reason is not null).Select(r => r.reason!.Value).ToArray(), d.Justification));
        }

        problems.AddRange(ApplicabilityModel.Malformed(proposal, decisions));
        if (problems.Count > 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["decisions"] = problems.Distinct().ToArray() });
        }

        var rows = ApplicabilityModel.Apply(proposal, decisions);
        if (input.Note is { Length: > 2000 })
        {
            throw new InvalidInputException("The note may have 2000 characters.");
        }

        // Numbered under the organization's write lock: two saves at the same moment both read n and both wrote n + 1.
        await using var transaction = await db.BeginOrganizationWriteAsync(cancellationToken);
        var last = await db.SoaVersions.Where(v => v.FrameworkId == frameworkId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        var version = new SoaVersionRecord
        {
            FrameworkId = frameworkId,
            Number = last + 1,
            Status = SoaStatuses.Draft,
            RowsJson = SoaJson.Serialize(rows),
            Note = input.Note?.Trim(),
            CreatedBy = actor.Name,
            CreatedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.SoaVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return SoaVersionDto.From(version);
    }
}
