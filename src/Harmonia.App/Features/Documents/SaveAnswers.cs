using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

/// <summary>Saves the answers as a new version (earlier versions stay: each document revision names the one it used).</summary>
public sealed class SaveAnswersHandler(HarmoniaDbContext db, AuditActor actor, TimeProvider time, GetAnswersHandler get)
{
    public async Task<AnswerSet> HandleAsync(Answers answers, CancellationToken cancellationToken = default)
    {
        // Two saves at the same moment both read version n and both write n + 1; the unique index keeps the first and
        // the second reads the new latest and writes after it, so both are kept in order and neither sees a 500.
        for (var attempt = 1; ; attempt++)
        {
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
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new AnswerSet(record.Version, answers, record.CreatedUtc, record.CreatedBy);
            }
            catch (DbUpdateException e) when (attempt < SaveRetry.MaxAttempts && SaveRetry.IsUniqueViolation(e))
            {
                db.Entry(record).State = EntityState.Detached;
                await Task.Delay(SaveRetry.Delay(attempt), cancellationToken);
            }
        }
    }
}
