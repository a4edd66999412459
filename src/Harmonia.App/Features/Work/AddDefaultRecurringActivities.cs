using System.Globalization;
using Harmonia.App.Content;
using Harmonia.App.Features.Documents;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

public sealed record DefaultActivitiesResult(IReadOnlyList<RecurringActivityDto> Added, IReadOnlyList<string> AlreadyThere);

/// <summary>
/// The rhythms a management system keeps, with the cycles the questionnaire answers name (or the questionnaire's own
/// suggestions while unanswered): policy review, risk assessment review, impact assessment review, access review,
/// supplier review, internal audit, management review, awareness training. Each starts on the first day of next month;
/// one whose title the organization already has is left alone, so asking twice adds nothing.
/// </summary>
public sealed class AddDefaultRecurringActivitiesHandler(HarmoniaDbContext db, LoadedContent content, GetAnswersHandler answers, SaveRecurringActivityHandler save, TimeProvider time)
{
    private static readonly (string Title, string Kind, string AnswerKey, string? OwnerKey)[] Rhythms =
    [
        ("Review of policies and procedures", "review", "review.documents_months", null),
        ("Review of the risk assessment", "review", "review.risks_months", null),
        ("Review of AI system impact assessments", "review", "review.impact_months", null),
        ("Access rights review", "review", "review.access_months", null),
        ("Supplier reviews", "review", "review.suppliers_months", null),
        ("Internal audit programme cycle", "internal-audit", "audit.cycle_months", "roles.internal_audit"),
        ("Management review", "review", "management_review.months", null),
        ("Security and AI awareness training", "measurement", "training.awareness_months", null),
    ];

    public async Task<DefaultActivitiesResult> HandleAsync(CancellationToken cancellationToken = default)
    {
        var given = (await answers.HandleAsync(cancellationToken)).Answers;
        var questionnaire = content.Documents.Questionnaire;
        var existing = (await db.RecurringActivities.AsNoTracking().Select(a => a.Title).ToListAsync(cancellationToken)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var firstOfNextMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var added = new List<RecurringActivityDto>();
        var skipped = new List<string>();
        foreach (var (title, kind, answerKey, ownerKey) in Rhythms)
        {
            if (existing.Contains(title))
            {
                skipped.Add(title);
                continue;
            }

            var months = Months(given.Values.GetValueOrDefault(answerKey)) ?? Months(questionnaire.Find(answerKey)?.Default) ?? 12;
            var owner = ownerKey is not null && given.Values.GetValueOrDefault(ownerKey) is { } person ? Answers.Display(person) : null;
            added.Add(await save.CreateAsync(new RecurringActivityInput(title, kind, null, $"FREQ=MONTHLY;INTERVAL={months}", firstOfNextMonth, owner), cancellationToken));
        }

        return new DefaultActivitiesResult(added, skipped);
    }

    private static int? Months(object? value)
    {
        var text = value switch
        {
            null => null,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
        return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= 60 ? (int)Math.Round(number) : null;
    }
}
