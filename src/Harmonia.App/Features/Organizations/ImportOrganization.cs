using Harmonia.App.Common;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Controls;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Features.Suppliers;
using Harmonia.App.Persistence;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Suppliers;
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
public sealed class ImportOrganizationHandler(HarmoniaDbContext db, TenantScope tenant, AuditActor actor, TimeProvider time, SaveSupplierHandler suppliers)
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
                ?? throw NotFoundException.Organization(request.IntoOrganizationId!.Value);
        }

        tenant.Enter(organization.Id);

        // Into an existing organization, the file is compared with the current rows and the evidence versions numbered
        // from them: read and written under the organization's write lock, like every other numbering use case.
        await using var transaction = created ? null : await db.BeginOrganizationWriteAsync(cancellationToken);
        organization.Name = file.Profile.Name;
        organization.Sector = file.Profile.Sector;
        organization.Employees = file.Profile.Employees;
        organization.Locations = string.Join('\n', file.Profile.Locations);
        organization.TeamCapacityHundredths = (int)Math.Round(file.TeamCapacityFte * 100);

        await SyncControlsAsync(file, cancellationToken);
        await SyncResultsAsync(file, cancellationToken);
        await SyncAiSystemsAsync(file, cancellationToken);
        await SyncCertificationsAsync(file, cancellationToken);
        await SyncSuppliersAsync(file, cancellationToken);

        db.ChangeTracker.DetectChanges();
        var changes = db.ChangeTracker.Entries().Count(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return new ImportOutcome(organization.Id, created, changes);
    }

    private async Task SyncControlsAsync(OrganizationFile file, CancellationToken cancellationToken)
    {
        var existing = await db.Controls.Include(c => c.Requirements).Include(c => c.Evidence).ThenInclude(e => e.Versions).AsSplitQuery().ToDictionaryAsync(c => c.Key, cancellationToken);
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

            SyncEvidence(record, control.Evidence);
        }

        db.Controls.RemoveRange(existing.Values);
    }

    /// <summary>
    /// Evidence is matched by title. A changed entry becomes a new version, never an edit. A file named in the
    /// organization file without its bytes becomes a record naming that file: the store only serves files that
    /// were uploaded to this organization.
    /// </summary>
    private void SyncEvidence(ControlRecord record, IReadOnlyList<EvidenceReference> wanted)
    {
        var byTitle = wanted.GroupBy(e => e.Title, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        foreach (var stale in record.Evidence.Where(e => !byTitle.ContainsKey(e.Title)).ToArray())
        {
            db.EvidenceVersions.RemoveRange(stale.Versions);
            db.Evidence.Remove(stale);
        }

        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (title, reference) in byTitle)
        {
            var evidence = record.Evidence.FirstOrDefault(e => e.Title == title);
            var current = evidence?.Versions.SingleOrDefault(v => v.Number == evidence.CurrentVersion);
            var version = new EvidenceVersion
            {
                Number = (evidence?.CurrentVersion ?? 0) + 1,
                Kind = reference.Kind == EvidenceKind.Link ? EvidenceKinds.Link : EvidenceKinds.Record,
                Url = reference.Kind == EvidenceKind.Link ? reference.Location : null,
                Note = reference.Note ?? (reference.Kind == EvidenceKind.File
                    ? $"File '{reference.Location}' (SHA-256 {reference.Sha256}) named in an imported organization file; upload it to attach the file itself."
                    : null),
                EffectiveOn = reference.Date,
                ExpiresOn = reference.Expires,
                CreatedUtc = now,
                CreatedBy = actor.Name,
            };
            if (current is not null && reference.Kind == EvidenceKind.File && current.Sha256 == reference.Sha256)
            {
                // The same file: keep pointing at the bytes this organization uploaded.
                (version.Kind, version.Note, version.FileName, version.ContentType, version.Sha256, version.SizeBytes) =
                    (EvidenceKinds.File, reference.Note, current.FileName, current.ContentType, current.Sha256, current.SizeBytes);
            }

            if (current is not null && SameContent(current, version))
            {
                continue;
            }

            if (evidence is null)
            {
                record.Evidence.Add(new EvidenceRecord { Title = title, CurrentVersion = 1, Versions = [version] });
            }
            else
            {
                evidence.Versions.Add(version);
                evidence.CurrentVersion = version.Number;
            }
        }
    }

    private static bool SameContent(EvidenceVersion a, EvidenceVersion b) =>
        (a.Kind, a.Url, a.Note, a.EffectiveOn, a.ExpiresOn, a.Sha256) == (b.Kind, b.Url, b.Note, b.EffectiveOn, b.ExpiresOn, b.Sha256);

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

    private async Task SyncCertificationsAsync(OrganizationFile file, CancellationToken cancellationToken)
    {
        var existing = await db.Certifications.ToDictionaryAsync(c => c.FrameworkId, cancellationToken);
        foreach (var certification in file.Profile.Certifications.DistinctBy(c => c.FrameworkId))
        {
            if (!existing.Remove(certification.FrameworkId, out var record))
            {
                record = new CertificationRecord { FrameworkId = certification.FrameworkId };
                db.Certifications.Add(record);
            }

            record.Since = certification.Since;
            record.CertificationBody = certification.CertificationBody;
        }

        db.Certifications.RemoveRange(existing.Values);
    }

    /// <summary>
    /// Suppliers are matched by key (SUP-n). Links resolve against what this import leaves in place (controls and AI
    /// systems of the file, suppliers of the file); evidence links are not in the file and stay as they are. A
    /// supplier's own errors are reported with its key, and nothing is saved.
    /// </summary>
    private async Task SyncSuppliersAsync(OrganizationFile file, CancellationToken cancellationToken)
    {
        var tiersRecord = await db.SupplierTiers.SingleOrDefaultAsync(cancellationToken);
        if (file.SupplierTiers is { } tiers)
        {
            if (tiersRecord is null)
            {
                db.SupplierTiers.Add(new SupplierTiersRecord { Json = SupplierJson.Write(tiers) });
            }
            else if (tiersRecord.Json != SupplierJson.Write(tiers))
            {
                tiersRecord.Json = SupplierJson.Write(tiers);
                tiersRecord.Version++;
            }
        }
        else if (tiersRecord is not null)
        {
            db.SupplierTiers.Remove(tiersRecord);
        }

        var existing = await db.Suppliers.Include(s => s.AiSystemLinks).Include(s => s.RiskLinks).Include(s => s.ControlLinks).Include(s => s.EvidenceLinks).Include(s => s.SubProcessorLinks)
            .AsSplitQuery().ToDictionaryAsync(s => s.Key, cancellationToken);
        var records = new Dictionary<string, SupplierRecord>(StringComparer.Ordinal);
        foreach (var entry in file.Suppliers)
        {
            if (!existing.Remove(entry.Id, out var record))
            {
                // Version 0: applying the file below makes it version 1, like a supplier created through the API.
                record = new SupplierRecord { Id = Guid.CreateVersion7(), Key = entry.Id, Name = entry.Name, Tier = entry.Tier, Version = 0 };
                db.Suppliers.Add(record);
            }

            records[entry.Id] = record;
        }

        // Sub-processor links that name a supplier leaving the register go first: their key restricts the delete.
        var leaving = existing.Values.Select(s => s.Id).ToHashSet();

        // Questionnaire answers are due-diligence records: a file that leaves such a supplier out is refused whole, as
        // deleting that supplier is, rather than dropping the answers with it.
        var questioned = await db.SupplierQuestionnaires.Where(q => leaving.Contains(q.SupplierId)).Select(q => q.SupplierId).Distinct().ToListAsync(cancellationToken);
        if (questioned.Count > 0)
        {
            var names = existing.Values.Where(s => questioned.Contains(s.Id)).Select(s => $"{s.Key} {s.Name}").Order(StringComparer.Ordinal);
            throw new InvalidInputException($"The file leaves out supplier{(questioned.Count == 1 ? string.Empty : "s")} {string.Join(", ", names)}, to whom questionnaires were sent; their answers are records of the due diligence. Keep {(questioned.Count == 1 ? "that supplier" : "those suppliers")} in the file (status ended if the relationship is over).");
        }
        foreach (var record in records.Values.Concat(existing.Values))
        {
            foreach (var link in record.SubProcessorLinks.Where(l => leaving.Contains(l.SubProcessorId) || leaving.Contains(l.SupplierId)).ToArray())
            {
                record.SubProcessorLinks.Remove(link);
                db.Remove(link);
            }
        }

        db.Suppliers.RemoveRange(existing.Values);

        static Dictionary<string, Guid> Live<T>(HarmoniaDbContext db, Func<T, string> key, Func<T, Guid> id)
            where T : class =>
            db.ChangeTracker.Entries<T>().Where(e => e.State != EntityState.Deleted).ToDictionary(e => key(e.Entity), e => id(e.Entity), StringComparer.Ordinal);
        var lookup = new SupplierLinkLookup(
            file.SupplierTiers ?? SupplierVocabulary.DefaultTiers,
            Live<AiSystemRecord>(db, a => a.Key, a => a.Id),
            Live<ControlRecord>(db, c => c.Key, c => c.Id),
            records.ToDictionary(r => r.Key, r => r.Value.Id, StringComparer.Ordinal));
        foreach (var entry in file.Suppliers)
        {
            var record = records[entry.Id];
            var version = record.Version;
            var input = new SupplierInput(entry.Name, entry.Services, entry.Kind.ToToken(), entry.Tier, entry.DataProcessed, entry.Status.ToToken(),
                entry.Contacts.Select(c => new SupplierContactInput(c.Name, c.Role, c.Email)).ToArray(),
                entry.Certifications.Select(c => new SupplierCertificationInput(c.Scheme.ToToken(), c.Name, c.Expires, c.EvidenceUrl)).ToArray(),
                entry.Contracts.Select(c => new SupplierContractInput(c.Title, c.Starts, c.Ends, c.RenewalOn, c.Clauses.Select(x => x.ToToken()).ToArray())).ToArray(),
                new SupplierOffboardingInput(entry.Offboarding.AccessRemovedOn, entry.Offboarding.DataReturnedOn, entry.Offboarding.DataDeletedOn),
                entry.AiSystems.Select(a => new SupplierAiSystemInput(a.AiSystem, a.Role)).ToArray(),
                entry.Risks, entry.Controls, record.EvidenceLinks.Select(l => l.EvidenceId).ToArray(), entry.SubProcessors);
            try
            {
                await suppliers.ApplyAsync(record, input, cancellationToken, lookup);
            }
            catch (InvalidInputException e)
            {
                throw new InvalidInputException($"Supplier {entry.Id}: {e.Message}");
            }

            var reviews = SupplierJson.Write(entry.Reviews);
            if (record.ReviewsJson != reviews)
            {
                record.ReviewsJson = reviews;
            }

            // An unchanged supplier keeps its version, so importing the same file twice changes nothing.
            db.ChangeTracker.DetectChanges();
            if (version > 0 && !db.Entry(record).Properties.Any(p => p.IsModified && p.Metadata.Name != nameof(SupplierRecord.Version)))
            {
                record.Version = version;
                db.Entry(record).Property(r => r.Version).IsModified = false;
            }
        }

        await ImportedQuestionnaires.AddMissingAsync(db, file, records, cancellationToken);
    }

    private async Task SyncAiSystemsAsync(OrganizationFile file, CancellationToken cancellationToken)
    {
        var existing = await db.AiSystems.ToDictionaryAsync(a => a.Key, cancellationToken);
        foreach (var system in file.AiSystems)
        {
            if (!existing.Remove(system.Id, out var record))
            {
                record = new AiSystemRecord { Key = system.Id, Name = system.Name, AiRoles = string.Empty };
                db.AiSystems.Add(record);
            }

            record.Name = system.Name;
            record.Purpose = system.Purpose;
            record.AiRoles = AiSystemFacts.JoinRoles(system.Roles);
            record.EuAiActRole = system.EuAiActRole;
            record.EuAiActClass = system.EuAiActClass;
            record.LifecycleStage = system.LifecycleStage;
            record.Supplier = system.Supplier;
        }

        // A system with impact assessments, AI evidence or concerns keeps its history, and one that risks name keeps
        // those links: the file no longer naming it takes it out of scope instead.
        var kept = (await db.ImpactAssessments.Select(a => a.AiSystemId).Distinct().ToListAsync(cancellationToken))
            .Concat(await db.AiEvidence.Select(e => e.AiSystemId).Distinct().ToListAsync(cancellationToken))
            .Concat(await db.AiConcerns.Where(c => c.AiSystemId != null).Select(c => c.AiSystemId!.Value).Distinct().ToListAsync(cancellationToken))
            .Concat(await db.RiskAiSystemLinks.Select(l => l.AiSystemId).Distinct().ToListAsync(cancellationToken))
            .ToHashSet();
        foreach (var record in existing.Values)
        {
            if (kept.Contains(record.Id))
            {
                record.InScope = false;
            }
            else
            {
                db.AiSystems.Remove(record);
            }
        }
    }
}
