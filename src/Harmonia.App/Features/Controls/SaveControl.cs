using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Controls;

/// <summary>Creates a control, or replaces one when the caller's version still matches (optimistic concurrency).</summary>
public sealed class SaveControlHandler(HarmoniaDbContext db, ControlInputValidator validator)
{
    public async Task<ControlDto> CreateAsync(ControlInput input, CancellationToken cancellationToken = default)
    {
        validator.Validate(input);
        if (await db.Controls.AnyAsync(c => c.Key == input.Key!, cancellationToken))
        {
            throw new DuplicateException($"A control with key '{input.Key}' already exists.");
        }

        var control = new ControlRecord { Key = input.Key!.Trim(), Name = input.Name!.Trim(), Status = input.Status! };
        Apply(control, input);
        db.Controls.Add(control);
        await db.SaveChangesAsync(cancellationToken);
        return ControlDto.From(control);
    }

    /// <summary>Throws NotFoundException when the organization has no such control.</summary>
    public async Task<ControlDto> UpdateAsync(Guid controlId, int expectedVersion, ControlInput input, CancellationToken cancellationToken = default)
    {
        validator.Validate(input);
        var control = await db.Controls.Include(c => c.Requirements).Include(c => c.Evidence).ThenInclude(e => e.Versions).SingleOrDefaultAsync(c => c.Id == controlId, cancellationToken);
        if (control is null)
        {
            throw new NotFoundException("control");
        }

        if (control.Version != expectedVersion)
        {
            throw new VersionConflictException(control.Version);
        }

        if (input.Key!.Trim() != control.Key && await db.Controls.AnyAsync(c => c.Key == input.Key!.Trim(), cancellationToken))
        {
            throw new DuplicateException($"A control with key '{input.Key}' already exists.");
        }

        control.Key = input.Key.Trim();
        control.Name = input.Name!.Trim();
        control.Status = input.Status!;
        Apply(control, input);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new VersionConflictException(expectedVersion + 1);
        }

        return ControlDto.From(control);
    }

    private void Apply(ControlRecord control, ControlInput input)
    {
        control.Owner = string.IsNullOrWhiteSpace(input.Owner) ? null : input.Owner.Trim();
        var wanted = (input.Requirements ?? []).ToHashSet(StringComparer.Ordinal);
        db.ControlRequirements.RemoveRange(control.Requirements.Where(r => !wanted.Contains(r.RequirementId)));
        foreach (var id in wanted.Except(control.Requirements.Select(r => r.RequirementId)).Order(StringComparer.Ordinal))
        {
            control.Requirements.Add(new ControlRequirementLink { RequirementId = id });
        }
    }
}
