using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>The external auditor accepts an answer, or returns it with a comment saying what is missing.</summary>
public sealed class JudgeEvidenceRequestHandler(HarmoniaDbContext db, EngagementAccess access, ListEngagementsHandler list)
{
    public async Task<EngagementDto> HandleAsync(Guid engagementId, Guid requestId, Guid auditorUserId, EvidenceJudgementInput input, CancellationToken cancellationToken = default)
    {
        var engagement = await access.AuditorsAsync(engagementId, auditorUserId, cancellationToken);
        var request = await db.EvidenceRequests.SingleOrDefaultAsync(r => r.Id == requestId && r.EngagementId == engagement.Id, cancellationToken) ?? throw new NotFoundException("evidence request");
        var decision = input.Decision?.Trim();
        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        if (decision is not ("accept" or "return"))
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["decision"] = ["Accept the answer or return it."] });
        }

        if (decision == "return" && comment is null)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["comment"] = ["Say what is missing when you return an answer."] });
        }

        if (comment is { Length: > 2000 })
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["comment"] = ["The comment may have 2000 characters."] });
        }

        if (request.State != EvidenceRequestStates.Answered)
        {
            throw new InvalidInputException($"Request {request.Number} is {request.State}; only an answered request is accepted or returned.");
        }

        request.State = decision == "accept" ? EvidenceRequestStates.Accepted : EvidenceRequestStates.Returned;
        request.Comment = comment;
        request.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await list.OneAsync(engagement.Id, cancellationToken);
    }
}
