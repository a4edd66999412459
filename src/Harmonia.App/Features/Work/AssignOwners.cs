using Harmonia.App.Common;
using Harmonia.App.Features.Organizations;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <summary>One record of several to assign, as the owner list names it ("risk", its id).</summary>
public sealed record OwnedRecordRef(string Subject, string SubjectId);

public sealed record AssignOwnersInput(IReadOnlyList<OwnedRecordRef>? Records, Guid? UserId);

/// <summary>
/// Gives several records the same owner (or nobody) in one step: all of them or none, one save, each change in the audit
/// trail as a single assignment would write it, and the new owner told once with the whole list.
/// </summary>
public sealed class AssignOwnersHandler(HarmoniaDbContext db, OwnedRecords owned, AssignOwnerHandler oneByOne, SignedInPerson person, ListDueWorkHandler work, TimeProvider time)
{
    public const int MaxRecords = 500;

    public async Task<IReadOnlyList<OwnerDto>> HandleAsync(AssignOwnersInput input, CancellationToken cancellationToken = default)
    {
        var refs = (input.Records ?? []).Distinct().ToArray();
        if (refs.Any(r => string.IsNullOrWhiteSpace(r?.Subject) || string.IsNullOrWhiteSpace(r.SubjectId)))
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["records"] = ["Each record names its subject and its id."] });
        }

        if (refs.Length == 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["records"] = ["Tick at least one record."] });
        }

        if (refs.Length > MaxRecords)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["records"] = [$"At most {MaxRecords} records at once; {refs.Length} were ticked."] });
        }

        var members = await work.MembersAsync(cancellationToken);
        if (input.UserId is { } chosen && members.All(m => m.Id != chosen))
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["userId"] = ["That person is not an active member of this organization: invite them first, then assign."] });
        }

        var all = (await owned.AllAsync(cancellationToken)).ToDictionary(r => OwnedSubjects.Key(r.Subject, r.SubjectId), StringComparer.Ordinal);
        var records = new List<OwnedRecord>();
        foreach (var reference in refs)
        {
            records.Add(all.GetValueOrDefault(OwnedSubjects.Key(reference.Subject, reference.SubjectId))
                ?? throw new NotFoundException("record", $"{reference.Subject}/{reference.SubjectId}"));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var changed = records.Where(r => r.MemberId != input.UserId).ToArray();
        foreach (var record in changed)
        {
            await oneByOne.ApplyAsync(record, input.UserId, now, cancellationToken);
        }

        if (changed.Length > 0 && input.UserId is { } owner && owner != await person.UserIdAsync(cancellationToken))
        {
            await oneByOne.AnnounceAsync(changed, owner, members, now, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new DuplicateException("Someone assigned one of these records at the same moment; reload the list to see the owners, then assign again if needed.");
        }

        return records.Select(r => AssignOwnerHandler.Dto(r with { MemberId = input.UserId }, members)).ToArray();
    }
}
