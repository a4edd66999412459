using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

/// <summary>A policy's current approved or published revision and the top-management members among its approvers.</summary>
public sealed record PolicyApproval(string TemplateId, string Title, string? Revision, IReadOnlyList<string> TopManagementApprovers)
{
    public bool ApprovedByTopManagement => TopManagementApprovers.Count > 0;
}

/// <summary>
/// Whether top management approved the policies: for each generated policy, the approvers of its latest approved or
/// published revision who were named top management when they approved. An app Owner who is not named top management
/// does not count: establishing the policies is top management's own duty.
/// </summary>
public sealed class PolicyApprovalsByTopManagement(HarmoniaDbContext db)
{
    /// <summary>The documents that are the policies 5.2 of each standard asks top management to establish.</summary>
    public static readonly IReadOnlyList<string> PolicyTemplates = ["information-security-policy", "ai-policy"];

    public async Task<IReadOnlyList<PolicyApproval>> HandleAsync(CancellationToken cancellationToken = default)
    {
        var documents = await db.Documents.AsNoTracking().Include(d => d.Revisions).Where(d => PolicyTemplates.Contains(d.TemplateId)).ToListAsync(cancellationToken);
        var result = new List<PolicyApproval>();
        foreach (var document in documents.OrderBy(d => d.TemplateId, StringComparer.Ordinal))
        {
            var revision = document.Revisions.Where(r => r.Status is DocumentStatuses.Approved or DocumentStatuses.Published).MaxBy(r => r.Number);
            var approvers = revision is null ? [] : await db.DocumentApprovals.AsNoTracking()
                .Where(a => a.RevisionId == revision.Id && a.TopManagementApprover != null).Select(a => a.TopManagementApprover!).ToListAsync(cancellationToken);
            result.Add(new PolicyApproval(document.TemplateId, document.Title, revision?.Label, approvers));
        }

        return result;
    }
}
