using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Documents;

public sealed record AnswerSet(int Version, Answers Answers, DateTime? SavedUtc, string? SavedBy);

/// <summary>The organization's latest questionnaire answers (version 0 and none when nobody answered yet).</summary>
public sealed class GetAnswersHandler(HarmoniaDbContext db, LoadedContent content)
{
    public async Task<AnswerSet> HandleAsync(CancellationToken cancellationToken = default)
    {
        var latest = await db.AnswerSets.AsNoTracking().OrderByDescending(a => a.Version).FirstOrDefaultAsync(cancellationToken);
        return latest is null
            ? new AnswerSet(0, Answers.None, null, null)
            : new AnswerSet(latest.Version, AnswersJson.Read(latest.Json, content.Documents.Questionnaire), latest.CreatedUtc, latest.CreatedBy);
    }
}
