using Harmonia.App.Common;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Evidence;

public sealed record DeleteEvidenceRecordsInput(IReadOnlyList<Guid>? EvidenceIds);

/// <summary>
/// Deletes several pieces of evidence in one step: each by the rules of one deletion (evidence that answers an external
/// auditor's request stays), and all of them or none, with every refusal said at once. Their stored files are left to
/// the sweep after the retention window, as for one deletion.
/// </summary>
public sealed class DeleteEvidenceRecordsHandler(HarmoniaDbContext db, DeleteEvidenceHandler oneByOne)
{
    public const int MaxEvidence = 200;

    /// <returns>"A.5.15 'Title'" of every deleted piece of evidence.</returns>
    public Task<IReadOnlyList<string>> HandleAsync(DeleteEvidenceRecordsInput input, CancellationToken cancellationToken = default) =>
        AllOrNone.RemoveAsync(db, input.EvidenceIds, MaxEvidence, "evidenceIds", "evidence records", (id, _) => oneByOne.RemoveAsync(id, cancellationToken), cancellationToken);
}
