using Harmonia.App.Common;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Consistency;

/// <summary>
/// Records that a contradiction may stand, who decided it and why. The acknowledgement is tied to the facts as they are
/// now; when any of them changes, the finding is open again and blocks its documents until resolved or acknowledged anew.
/// </summary>
public sealed class AcknowledgeFindingHandler(HarmoniaDbContext db, GetConsistencyHandler consistency, AuditActor actor, TimeProvider time)
{
    private const int MinimumReason = 15;

    public async Task<ConsistencyFindingDto> HandleAsync(AcknowledgeFindingInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var reason = input.Reason?.Trim() ?? string.Empty;
        if (reason.Length < MinimumReason)
        {
            // A reason an auditor can weigh names why the contradiction is acceptable; "ok" is not one.
            errors["reason"] = [$"Give the reason the contradiction may stand, in at least {MinimumReason} characters."];
        }
        else if (reason.Length > 2000)
        {
            errors["reason"] = ["The reason is at most 2000 characters."];
        }

        if (string.IsNullOrWhiteSpace(input.Finding))
        {
            errors["finding"] = ["Name the finding to acknowledge (its id from the consistency report)."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var report = await consistency.HandleAsync(cancellationToken);

        // Not a 404: the finding is not a stored record but the result of the current facts, which may have resolved it.
        var finding = report.Findings.FirstOrDefault(f => f.Id == input.Finding)
            ?? throw new InvalidInputException(new Dictionary<string, string[]> { ["finding"] = [$"There is no current finding '{input.Finding}'; the facts may have changed and resolved it."] });
        if (input.Fingerprint is { Length: > 0 } read && read != finding.Fingerprint)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["fingerprint"] = ["The facts behind this finding changed since you read it; read it again before acknowledging it."] });
        }

        if (!finding.Open)
        {
            throw new DuplicateException($"The finding '{finding.Id}' is already acknowledged for the current facts.");
        }

        var record = new ConsistencyAcknowledgementRecord
        {
            FindingId = finding.Id,
            Fingerprint = finding.Fingerprint,
            Reason = reason,
            AcknowledgedBy = actor.Name,
            AcknowledgedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.ConsistencyAcknowledgements.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return finding with { Acknowledgement = new ConsistencyAcknowledgementDto(record.Reason, record.AcknowledgedBy, record.AcknowledgedUtc), VoidAcknowledgement = null };
    }
}
