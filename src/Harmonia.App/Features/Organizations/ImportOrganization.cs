using Harmonia.App.Organizations;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Organizations;

/// <param name="IntoOrganizationId">Null creates a new organization; otherwise that organization is brought in line with the file.</param>
public sealed record ImportOrganizationRequest(OrganizationFile File, Guid? IntoOrganizationId = null);

/// <param name="Changes">How many rows were created, updated or deleted (each one is an audit event).</param>
public sealed record ImportOutcome(Guid OrganizationId, bool Created, int Changes);

/// <summary>
/// Imports an organization file ("compliance as code"). Into an existing organization it matches controls and AI
/// systems by key and results by requirement id: what the file lacks is deleted, what differs is updated. One
/// SaveChanges: the whole import and its audit events commit together or not at all.
/// </summary>
public sealed class ImportOrganizationHandler(HarmoniaDbContext db, TenantScope tenant, TimeProvider time)
{
    public async Task<ImportOutcome> HandleAsync(ImportOrganizationRequest request, CancellationToken cancellationToken = default)
    {
        var file = request.File;
        Organization organization;
        var created = request.IntoOrganizationId is null;
        if (created)
        {
            organization = new Organization { Id = Guid.CreateVersion7(), Name = file.Profile.Name, CreatedUtc = time.GetUtcNow().UtcDateTime };
            db.Organizations.Add(organization);
        }
        else
        {
            organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == request.IntoOrganizationId, cancellationToken)
                ?? throw LoadOrganizationHandler.OrganizationNotFound(request.IntoOrganizationId!.Value);
        }

        tenant.Enter(organization.Id);
        organization.Name = file.Profile.Name;
        organization.Sector = file.Profile.Sector;
        organization.Employees = file.Profile.Employees;
        organization.Locations = string.Join('\n', file.Profile.Locations);
        organization.TeamCapacityHundredths = (int)Math.Round(file.TeamCapacityFte * 100);

        await SyncControlsAsync(file, cancellationToken);
        await SyncResultsAsync(file, cancellationToken);
        await SyncAiSystemsAsync(file, cancellationToken);

        db.ChangeTracker.DetectChanges();
        var changes = db.ChangeTracker.Entries().Count(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        await db.SaveChangesAsync(cancellationToken);
        return new ImportOutcome(organization.Id, created, changes);
    }

    private async Task SyncControlsAsync(OrganizationFile file, CancellationToken cancellationToken)
    {
        var existing = await db.Controls.Include(c => c.Requirements).Include(c => c.Evidence).ToDictionaryAsync(c => c.Key, cancellationToken);
        foreach (var control in file.Controls)
        {
            if (!existing.Remove(control.Id, out var record))
            {
                record = new ControlRecord { Key = control.Id, Name = control.Name, Status = OrganizationValues.Token(control.Status) };
                db.Controls.Add(record);
            }

            record.Name = control.Name;
            record.Owner = control.Owner;
            record.Status = OrganizationValues.Token(control.Status);

            var wanted = control.Satisfies.ToHashSet(StringComparer.Ordinal);
            db.ControlRequirements.RemoveRange(record.Requirements.Where(r => !wanted.Contains(r.RequirementId)));
            foreach (var requirementId in wanted.Except(record.Requirements.Select(r => r.RequirementId)).Order(StringComparer.Ordinal))
            {
                record.Requirements.Add(new ControlRequirementLink { RequirementId = requirementId });
            }

            var evidence = control.Evidence.Select(e => (e.Title, e.Date)).ToHashSet();
            db.ControlEvidence.RemoveRange(record.Evidence.Where(e => !evidence.Contains((e.Title, e.Date))));
            foreach (var (title, date) in evidence.Except(record.Evidence.Select(e => (e.Title, e.Date))))
            {
                record.Evidence.Add(new ControlEvidenceReference { Title = title, Date = date });
            }
        }

        db.Controls.RemoveRange(existing.Values);
    }

    private async Task SyncResultsAsync(OrganizationFile file, CancellationToken cancellationToken)
    {
        var existing = await db.RequirementResults.ToDictionaryAsync(r => r.RequirementId, cancellationToken);
        foreach (var result in file.Results)
        {
            if (!existing.Remove(result.RequirementId, out var record))
            {
                record = new RequirementResultRecord { RequirementId = result.RequirementId, Result = OrganizationValues.Token(result.Result) };
                db.RequirementResults.Add(record);
            }

            record.Result = OrganizationValues.Token(result.Result);
            record.Reason = result.Reason;
        }

        db.RequirementResults.RemoveRange(existing.Values);
    }

    private async Task SyncAiSystemsAsync(OrganizationFile file, CancellationToken cancellationToken)
    {
        var existing = await db.AiSystems.ToDictionaryAsync(a => a.Key, cancellationToken);
        foreach (var system in file.AiSystems)
        {
            if (!existing.Remove(system.Id, out var record))
            {
                record = new AiSystemRecord { Key = system.Id, Name = system.Name, Role = OrganizationValues.Token(system.Role) };
                db.AiSystems.Add(record);
            }

            record.Name = system.Name;
            record.Purpose = system.Purpose;
            record.Role = OrganizationValues.Token(system.Role);
            record.LifecycleStage = system.LifecycleStage;
            record.Supplier = system.Supplier;
        }

        db.AiSystems.RemoveRange(existing.Values);
    }
}
