using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Reviews;

/// <summary>Records a held management review with the inputs as assembled at that moment, its decisions and actions.</summary>
public sealed class HoldManagementReviewHandler(HarmoniaDbContext db, AssembleReviewInputsHandler inputs, AuditActor actor, TimeProvider time)
{
    public async Task<ManagementReviewDto> HandleAsync(ManagementReviewInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (input.HeldOn is not { } held || held > today)
        {
            errors["heldOn"] = ["The date the review was held is required and not in the future."];
        }

        var topIds = (input.TopManagementAttendees ?? []).Distinct().ToArray();
        var top = await db.TopManagement.AsNoTracking().Where(m => topIds.Contains(m.Id)).ToListAsync(cancellationToken);
        if (top.Count != topIds.Length)
        {
            errors["topManagementAttendees"] = ["Name attending top management by their id from the organization's top-management list."];
        }

        // The top-management attendees are attendees too: their names join the list, once.
        var named = (input.Attendees ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).ToList();
        named.AddRange(top.Where(m => !named.Contains(m.Name, StringComparer.OrdinalIgnoreCase)).Select(m => m.Name));
        var attendees = named.ToArray();
        if (attendees.Length == 0 || string.Join(", ", attendees).Length > 1000)
        {
            errors["attendees"] = ["Name who attended (top management must be among them)."];
        }

        if (string.IsNullOrWhiteSpace(input.Decisions) || input.Decisions.Length > 8000)
        {
            errors["decisions"] = ["Record the decisions (1 to 8000 characters): on improvement, changes to the management systems and resources."];
        }

        var actions = (input.Actions ?? []).ToArray();
        if (actions.Any(a => string.IsNullOrWhiteSpace(a.Description) || string.IsNullOrWhiteSpace(a.Owner) || a.Due is null))
        {
            errors["actions"] = ["Every action has a description, an owner and a due date."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var assembled = await inputs.HandleAsync(cancellationToken);
        var review = new ManagementReviewRecord
        {
            HeldOn = input.HeldOn!.Value,
            Attendees = string.Join(", ", attendees),
            TopManagementAttendeeIds = string.Join(',', top.Select(m => m.Id)),
            InputsJson = ReviewJson.Write(assembled),
            Decisions = input.Decisions!.Trim(),
            ActionsJson = ReviewJson.Write(actions.Select(a => new ReviewAction(a.Description!.Trim(), a.Owner!.Trim(), a.Due!.Value)).ToArray()),
            RecordedBy = actor.Name,
        };
        db.ManagementReviews.Add(review);
        await db.SaveChangesAsync(cancellationToken);
        return ListManagementReviewsHandler.ToDto(review);
    }
}

public sealed class ListManagementReviewsHandler(HarmoniaDbContext db)
{
    public async Task<IReadOnlyList<ManagementReviewDto>> HandleAsync(CancellationToken cancellationToken = default) =>
        (await db.ManagementReviews.AsNoTracking().OrderByDescending(m => m.HeldOn).Take(100).ToListAsync(cancellationToken)).Select(ToDto).ToArray();

    internal static ManagementReviewDto ToDto(ManagementReviewRecord m) => new(
        m.Id, m.HeldOn, m.Attendees.Split(", ", StringSplitOptions.RemoveEmptyEntries), ReviewJson.Inputs(m.InputsJson), m.Decisions, ReviewJson.Actions(m.ActionsJson), m.RecordedBy,
        TopManagementAttendance.Ids(m.TopManagementAttendeeIds));
}
