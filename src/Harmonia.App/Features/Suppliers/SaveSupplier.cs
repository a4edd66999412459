using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Suppliers;

/// <summary>
/// Creates a supplier (key SUP-n assigned on save) or replaces one when the caller's version still matches. Everything
/// it names must exist in the organization: tier, AI systems, risks, controls, evidence and the suppliers it relies on.
/// </summary>
public sealed class SaveSupplierHandler(HarmoniaDbContext db, SupplierRegister register)
{
    public async Task<SupplierDto> CreateAsync(SupplierInput input, CancellationToken cancellationToken = default)
    {
        var supplier = await AddAsync(input, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await register.OneAsync(supplier.Id, cancellationToken);
    }

    /// <summary>Validates and adds a supplier without saving, for the organization import (which may set the key itself).</summary>
    internal async Task<SupplierRecord> AddAsync(SupplierInput input, string? key, CancellationToken cancellationToken)
    {
        var valid = await ValidateAsync(input, null, cancellationToken);
        var supplier = new SupplierRecord { Id = Guid.CreateVersion7(), Key = key ?? string.Empty, Name = string.Empty, Tier = string.Empty };
        valid.ApplyTo(supplier);
        db.Suppliers.Add(supplier);
        return supplier;
    }

    /// <summary>Throws NotFoundException when the organization has no such supplier.</summary>
    public async Task<SupplierDto> UpdateAsync(Guid supplierId, int expectedVersion, SupplierInput input, CancellationToken cancellationToken = default)
    {
        var supplier = await LoadAsync(supplierId, cancellationToken);
        if (supplier.Version != expectedVersion)
        {
            throw new VersionConflictException(supplier.Version, "supplier");
        }

        await ApplyAsync(supplier, input, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await register.OneAsync(supplier.Id, cancellationToken);
    }

    /// <summary>Validates and applies a replacement without saving, for the organization import (with its own lookups).</summary>
    internal async Task ApplyAsync(SupplierRecord supplier, SupplierInput input, CancellationToken cancellationToken, SupplierLinkLookup? lookup = null)
    {
        (await ValidateAsync(input, supplier, cancellationToken, lookup)).ApplyTo(supplier);
        supplier.Version++;
    }

    internal async Task<SupplierRecord> LoadAsync(Guid supplierId, CancellationToken cancellationToken) =>
        await db.Suppliers.Include(s => s.AiSystemLinks).Include(s => s.RiskLinks).Include(s => s.ControlLinks).Include(s => s.EvidenceLinks).Include(s => s.SubProcessorLinks)
            .AsSplitQuery().SingleOrDefaultAsync(s => s.Id == supplierId, cancellationToken)
        ?? throw new NotFoundException("supplier");

    private sealed record Valid(
        string Name, string? Services, SupplierKind Kind, string Tier, string? DataProcessed, SupplierStatus Status,
        IReadOnlyList<SupplierContact> Contacts, IReadOnlyList<SupplierCertification> Certifications, IReadOnlyList<SupplierContract> Contracts,
        OffboardingChecklist Offboarding, IReadOnlyList<(Guid Id, string Role)> AiSystems, Guid[] Risks, Guid[] Controls, Guid[] Evidence, Guid[] SubProcessors)
    {
        public void ApplyTo(SupplierRecord s)
        {
            (s.Name, s.Services, s.Kind, s.Tier, s.DataProcessed, s.Status) = (Name, Services, Kind, Tier, DataProcessed, Status);
            (s.ContactsJson, s.CertificationsJson, s.ContractsJson) = (SupplierJson.Write(Contacts), SupplierJson.Write(Certifications), SupplierJson.Write(Contracts));
            (s.AccessRemovedOn, s.DataReturnedOn, s.DataDeletedOn) = (Offboarding.AccessRemovedOn, Offboarding.DataReturnedOn, Offboarding.DataDeletedOn);

            // A changed role is a new link: remove the old row first so the composite key is free.
            s.AiSystemLinks.RemoveAll(l => !AiSystems.Contains((l.AiSystemId, l.Role)));
            foreach (var (id, role) in AiSystems.Where(w => !s.AiSystemLinks.Any(l => l.AiSystemId == w.Id)))
            {
                s.AiSystemLinks.Add(new SupplierAiSystemLink { SupplierId = s.Id, AiSystemId = id, Role = role });
            }

            LinkKeys.Sync(s.RiskLinks, Risks, l => l.RiskId, id => new SupplierRiskLink { SupplierId = s.Id, RiskId = id });
            LinkKeys.Sync(s.ControlLinks, Controls, l => l.ControlId, id => new SupplierControlLink { SupplierId = s.Id, ControlId = id });
            LinkKeys.Sync(s.EvidenceLinks, Evidence, l => l.EvidenceId, id => new SupplierEvidenceLink { SupplierId = s.Id, EvidenceId = id });
            LinkKeys.Sync(s.SubProcessorLinks, SubProcessors, l => l.SubProcessorId, id => new SupplierSubProcessorLink { SupplierId = s.Id, SubProcessorId = id });
        }
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<Valid> ValidateAsync(SupplierInput input, SupplierRecord? self, CancellationToken cancellationToken, SupplierLinkLookup? lookup = null)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = errors.TryGetValue(field, out var had) ? [.. had, message] : [message];

        var name = Clean(input.Name);
        if (name is null || name.Length > 200)
        {
            Add("name", "A name of 1 to 200 characters is required, e.g. \"Hetzner Online GmbH\".");
        }

        if (input.Services is { Length: > 2000 } || input.DataProcessed is { Length: > 2000 })
        {
            Add("services", "The services and the data processed may have 2000 characters each.");
        }

        var kind = SupplierVocabulary.Kind(input.Kind);
        if (kind is null)
        {
            Add("kind", "kind is one of: cloud, software, data-provider, model-provider, outsourced-process, other.");
        }

        var tiers = lookup?.Tiers ?? await register.TiersAsync(cancellationToken);
        var tier = Clean(input.Tier);
        if (tier is null || !tiers.Any(t => t.Key == tier))
        {
            Add("tier", $"tier is one of the organization's tiers: {string.Join(", ", tiers.Select(t => t.Key))}.");
        }

        var status = SupplierVocabulary.Status(input.Status ?? "proposed");
        if (status is null)
        {
            Add("status", "status is one of: proposed, active, offboarding, ended.");
        }

        var contacts = new List<SupplierContact>();
        foreach (var contact in input.Contacts ?? [])
        {
            if (Clean(contact.Name) is not { Length: <= 200 } contactName || contact.Role is { Length: > 200 } || contact.Email is { Length: > 320 }
                || (Clean(contact.Email) is { } email && !email.Contains('@', StringComparison.Ordinal)))
            {
                Add("contacts", "Each contact has a name (up to 200 characters), an optional role and an optional e-mail address.");
                continue;
            }

            contacts.Add(new SupplierContact(contactName, Clean(contact.Role), Clean(contact.Email)));
        }

        var certifications = new List<SupplierCertification>();
        foreach (var certification in input.Certifications ?? [])
        {
            var scheme = SupplierVocabulary.Scheme(certification.Scheme);
            if (scheme is null)
            {
                Add("certifications", "A certification's scheme is iso27001, iso42001, soc2 or other.");
                continue;
            }

            if (scheme == CertificationScheme.Other && Clean(certification.Name) is null)
            {
                Add("certifications", "A certification of scheme 'other' needs a name, e.g. \"C5\" or \"TISAX\".");
                continue;
            }

            var url = Clean(certification.EvidenceUrl);
            if (url is not null && (url.Length > 2000 || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")))
            {
                Add("certifications", $"'{url}' is not an http(s) link to the certificate or report.");
                continue;
            }

            certifications.Add(new SupplierCertification(scheme.Value, Clean(certification.Name), certification.Expires, url));
        }

        var contracts = new List<SupplierContract>();
        foreach (var contract in input.Contracts ?? [])
        {
            if (Clean(contract.Title) is not { Length: <= 200 } title)
            {
                Add("contracts", "Each contract has a title of 1 to 200 characters, e.g. \"Master services agreement 2025\".");
                continue;
            }

            if (contract.Starts is { } starts && contract.Ends is { } ends && ends < starts)
            {
                Add("contracts", $"Contract '{title}' ends ({ends:yyyy-MM-dd}) before it starts ({starts:yyyy-MM-dd}).");
                continue;
            }

            var clauses = new List<ContractClause>();
            foreach (var text in contract.Clauses ?? [])
            {
                if (SupplierVocabulary.Clause(text) is { } clause)
                {
                    clauses.Add(clause);
                }
                else
                {
                    Add("contracts", $"'{text}' is not a clause: security, confidentiality, ai-use-of-customer-data, model-change-notice, incident-notification, audit-rights, sub-processors.");
                }
            }

            contracts.Add(new SupplierContract(title, contract.Starts, contract.Ends, contract.RenewalOn, clauses.Distinct().Order().ToArray()));
        }

        var offboarding = input.Offboarding is { } o ? new OffboardingChecklist(o.AccessRemovedOn, o.DataReturnedOn, o.DataDeletedOn) : OffboardingChecklist.None;
        if (status == SupplierStatus.Ended && !offboarding.Complete)
        {
            // Ending a relationship is only on record once access is gone and the data is back or destroyed.
            Add("status", "A supplier is ended only when the offboarding checklist records that access was removed and the data returned or deleted.");
        }

        var systems = new List<(Guid, string)>();
        var systemKeys = (input.AiSystems ?? []).Select(a => a.AiSystem?.Trim() ?? string.Empty).ToArray();
        var knownSystems = lookup is null ? await db.AiSystemIdsAsync(systemKeys, cancellationToken) : lookup.AiSystems;
        foreach (var link in input.AiSystems ?? [])
        {
            var key = link.AiSystem?.Trim() ?? string.Empty;
            if (!knownSystems.TryGetValue(key, out var id))
            {
                Add("aiSystems", $"The organization has no AI system '{key}'.");
            }
            else if (!SupplierVocabulary.AiSystemRoles.Contains(link.Role?.Trim()))
            {
                Add("aiSystems", $"The supplier's role towards {key} is one of: {string.Join(", ", SupplierVocabulary.AiSystemRoles)} (ISO/IEC 22989 roles).");
            }
            else if (systems.Any(s => s.Item1 == id))
            {
                Add("aiSystems", $"{key} is linked twice; give the supplier one role towards it.");
            }
            else
            {
                systems.Add((id, link.Role!.Trim()));
            }
        }

        var riskKeys = LinkKeys.Clean(input.Risks);
        var knownRisks = riskKeys.Length == 0 ? [] : await db.Risks.Where(r => riskKeys.Contains(r.Key)).ToDictionaryAsync(r => r.Key, r => r.Id, StringComparer.Ordinal, cancellationToken);
        if (riskKeys.FirstOrDefault(k => !knownRisks.ContainsKey(k)) is { } risk)
        {
            Add("risks", $"The organization has no risk '{risk}'.");
        }

        var controlKeys = LinkKeys.Clean(input.Controls);
        var knownControls = lookup is null ? await db.ControlIdsAsync(controlKeys, cancellationToken) : lookup.Controls;
        if (controlKeys.FirstOrDefault(k => !knownControls.ContainsKey(k)) is { } control)
        {
            Add("controls", $"The organization has no control '{control}'.");
        }

        var evidenceIds = (input.Evidence ?? []).Distinct().ToArray();
        var knownEvidence = evidenceIds.Length == 0 ? [] : await db.Evidence.Where(e => evidenceIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(cancellationToken);
        if (evidenceIds.FirstOrDefault(e => !knownEvidence.Contains(e)) is var missingEvidence && missingEvidence != Guid.Empty)
        {
            Add("evidence", $"The organization has no evidence {missingEvidence}.");
        }

        var subKeys = LinkKeys.Clean(input.SubProcessors);
        var knownSubs = lookup is not null ? lookup.Suppliers : subKeys.Length == 0 ? [] : await db.Suppliers.Where(s => subKeys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.Id, StringComparer.Ordinal, cancellationToken);
        if (subKeys.FirstOrDefault(k => !knownSubs.ContainsKey(k)) is { } sub)
        {
            Add("subProcessors", $"The organization has no supplier '{sub}' in its register; record the sub-processor first.");
        }
        else if (self is not null && subKeys.Contains(self.Key))
        {
            Add("subProcessors", $"{self.Key} cannot be its own sub-processor.");
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        // A name in use is a conflict with what is stored (409, ADR 0012), not a malformed field.
        if (await db.Suppliers.AnyAsync(s => s.Name == name && s.Id != (self == null ? Guid.Empty : self.Id), cancellationToken))
        {
            throw new DuplicateException($"A supplier named '{name}' is already in the register.", "name");
        }

        return new Valid(name!, Clean(input.Services), kind!.Value, tier!, Clean(input.DataProcessed), status!.Value, contacts, certifications, contracts, offboarding,
            systems, riskKeys.Select(k => knownRisks[k]).ToArray(), controlKeys.Select(k => knownControls[k]).ToArray(), evidenceIds, subKeys.Select(k => knownSubs[k]).ToArray());
    }
}

/// <summary>
/// Key -> id maps the organization import passes instead of querying: it sees the controls, AI systems, suppliers and
/// tiers of the file being imported, which are added in the same save and not yet in the database.
/// </summary>
internal sealed record SupplierLinkLookup(
    IReadOnlyList<SupplierTier> Tiers,
    IReadOnlyDictionary<string, Guid> AiSystems,
    IReadOnlyDictionary<string, Guid> Controls,
    IReadOnlyDictionary<string, Guid> Suppliers);
