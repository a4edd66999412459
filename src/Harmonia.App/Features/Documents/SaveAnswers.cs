using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Documents;

/// <summary>Saves the answers as a new version (earlier versions stay: each document revision names the one it used).</summary>
public sealed class SaveAnswersHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time, GetAnswersHandler get)
{
    public async Task<AnswerSet> HandleAsync(Answers answers, CancellationToken cancellationToken = default)
    {
        // Read the latest version and write the next under the organization's write lock: two saves at the same moment
        // both read version n and both wrote n + 1, and the second answered 500.
        await using var transaction = await db.BeginOrganizationWriteAsync(cancellationToken);
        var current = await get.HandleAsync(cancellationToken);
        if (AnswersJson.Write(current.Answers) == AnswersJson.Write(answers))
        {
            return current;
        }

        var record = new AnswerSetRecord
        {
            Version = current.Version + 1,
            Json = AnswersJson.Write(answers),
            CreatedUtc = time.GetUtcNow().UtcDateTime,
            CreatedBy = actor.Name,
        };
        db.AnswerSets.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new AnswerSet(record.Version, answers, record.CreatedUtc, record.CreatedBy);
    }
}
