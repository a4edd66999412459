using Harmonia.App.Common;
using Harmonia.App.Features.Risks;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <summary>Defines a recurring activity (key RA-n on save) or replaces one whose version still matches.</summary>
public sealed class SaveRecurringActivityHandler(HarmoniaDbContext db, ListRecurringActivitiesHandler list)
{
    public async Task<RecurringActivityDto> CreateAsync(RecurringActivityInput input, CancellationToken cancellationToken = default)
    {
        var activity = new RecurringActivityRecord { Id = Guid.CreateVersion7(), Title = string.Empty, Kind = string.Empty, Rule = string.Empty };
        await ApplyAsync(activity, input, cancellationToken);
        db.RecurringActivities.Add(activity);
        await db.SaveChangesAsync(cancellationToken);
        return await list.OneAsync(activity.Id, cancellationToken);
    }

    /// <summary>Throws NotFoundException when the organization has no such activity.</summary>
    public async Task<RecurringActivityDto> UpdateAsync(Guid id, int expectedVersion, RecurringActivityInput input, CancellationToken cancellationToken = default)
    {
        var activity = await db.RecurringActivities.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new NotFoundException("recurring activity");
        if (activity.Version != expectedVersion)
        {
            throw new VersionConflictException(activity.Version, "recurring activity");
        }

        await ApplyAsync(activity, input, cancellationToken);
        activity.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return await list.OneAsync(activity.Id, cancellationToken);
    }

    private async Task ApplyAsync(RecurringActivityRecord activity, RecurringActivityInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title) || title.Length > 200)
        {
            errors["title"] = ["A title of 1 to 200 characters is required, e.g. \"Quarterly access review\"."];
        }

        var kind = input.Kind?.Trim().ToLowerInvariant();
        if (kind is null || !RecurringKinds.All.Contains(kind))
        {
            errors["kind"] = [$"kind is one of: {string.Join(", ", RecurringKinds.All)}."];
        }

        Guid? controlId = null;
        if (kind == RecurringKinds.Control)
        {
            var key = input.Control?.Trim();
            controlId = string.IsNullOrEmpty(key) ? null : await db.Controls.Where(c => c.Key == key).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(cancellationToken);
            if (controlId is null)
            {
                errors["control"] = [string.IsNullOrEmpty(key) ? "A control activity names the control it operates, by key." : $"The organization has no control '{key}'."];
            }
        }
        else if (!string.IsNullOrWhiteSpace(input.Control))
        {
            errors["control"] = ["Only a control activity names a control."];
        }

        if (RecurrenceSchedule.Problem(input.Rule) is { } ruleProblem)
        {
            errors["rule"] = [ruleProblem];
        }

        if (input.StartsOn is not { } startsOn || startsOn.Year is < 2000 or > 2100)
        {
            errors["startsOn"] = ["The first occurrence's date is required (yyyy-mm-dd)."];
        }

        if (input.Owner is { Length: > 200 })
        {
            errors["owner"] = ["The owner may have 200 characters."];
        }

        Guid? ownerId = null;
        if (!string.IsNullOrWhiteSpace(input.OwnerAccount))
        {
            ownerId = await db.MemberIdAsync(input.OwnerAccount, cancellationToken);
            if (ownerId is null)
            {
                errors["ownerAccount"] = [$"'{input.OwnerAccount.Trim()}' is not a member of this organization."];
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        (activity.Title, activity.Kind, activity.ControlId, activity.Rule) = (title!, kind!, controlId, input.Rule!.Trim());
        (activity.StartsOn, activity.Owner, activity.OwnerUserId) = (input.StartsOn!.Value, string.IsNullOrWhiteSpace(input.Owner) ? null : input.Owner.Trim(), ownerId);
    }
}
