using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// A member answers an evidence request by linking evidence held in Harmonia (a file is uploaded through the
/// evidence routes first, so it is versioned and hashed like any other) with a note. A returned request is answered again.
/// </summary>
public sealed class AnswerEvidenceRequestHandler(HarmoniaDbContext db, EngagementAccess access, ListEngagementsHandler list)
{
    public async Task<EngagementDto> HandleAsync(Guid engagementId, Guid requestId, EvidenceAnswerInput input, CancellationToken cancellationToken = default)
    {
        var engagement = await access.NotClosedAsync(engagementId, cancellationToken);
        var request = await db.EvidenceRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.EngagementId == engagement.Id, cancellationToken) ?? throw new NotFoundException("evidence request");
        if (input.EvidenceId is null)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["evidenceId"] = ["Choose the evidence that answers the request."] });
        }

        if (input.Answer is { Length: > 2000 })
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["answer"] = ["The note may have 2000 characters."] });
        }

        // Another organization's evidence id answers 404 like any foreign id (the query filter hides it).
        if (!await db.Evidence.AnyAsync(e => e.Id == input.EvidenceId, cancellationToken))
        {
            throw new NotFoundException("evidence");
        }

        if (request.State is not (EvidenceRequestStates.Open or EvidenceRequestStates.Returned))
        {
            throw new InvalidInputException($"Request {request.Number} is {request.State}; only an open or returned request is answered.");
        }

        request.EvidenceId = input.EvidenceId;
        request.Answer = string.IsNullOrWhiteSpace(input.Answer) ? null : input.Answer.Trim();
        request.State = EvidenceRequestStates.Answered;
        request.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await list.OneAsync(engagement.Id, cancellationToken);
    }
}
