using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Suppliers;

/// <summary>
/// The supplier register as other modules read it (gap credits, SoA proposal, management review, audit pack) and
/// as the module's own handlers answer: every supplier with its links shown by their current keys and its standing today.
/// </summary>
public sealed class SupplierRegister(HarmoniaDbContext db, TimeProvider time)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Every supplier, in key order (SUP-2 before SUP-10).</summary>
    public async Task<IReadOnlyList<SupplierDto>> AllAsync(CancellationToken cancellationToken = default)
    {
        var records = await Query().OrderBy(s => s.Key.Length).ThenBy(s => s.Key).ToListAsync(cancellationToken);
        return await DtosAsync(records, cancellationToken);
    }

    /// <summary>Throws NotFoundException when the organization has no such supplier.</summary>
    public async Task<SupplierDto> OneAsync(Guid supplierId, CancellationToken cancellationToken = default)
    {
        var record = await Query().SingleOrDefaultAsync(s => s.Id == supplierId, cancellationToken) ?? throw new NotFoundException("supplier");
        return (await DtosAsync([record], cancellationToken))[0];
    }

    public async Task<IReadOnlyList<SupplierTier>> TiersAsync(CancellationToken cancellationToken = default) =>
        SupplierJson.Tiers(await db.SupplierTiers.AsNoTracking().SingleOrDefaultAsync(cancellationToken));

    /// <summary>
    /// AI systems that name a supplier only in their free-text field and are linked to no supplier of the register:
    /// the page suggests recording and linking them, so the supplier controls can see them.
    /// </summary>
    public async Task<IReadOnlyList<UnlinkedAiSupplier>> UnlinkedAiSuppliersAsync(CancellationToken cancellationToken = default)
    {
        var linked = db.Suppliers.SelectMany(s => s.AiSystemLinks).Select(l => l.AiSystemId);
        return await db.AiSystems.AsNoTracking().Where(a => a.Supplier != null && a.Supplier != string.Empty && !linked.Contains(a.Id))
            .OrderBy(a => a.Key).Select(a => new UnlinkedAiSupplier(a.Id, a.Key, a.Name, a.Supplier!)).ToListAsync(cancellationToken);
    }

    private IQueryable<SupplierRecord> Query() => db.Suppliers.AsNoTracking()
        .Include(s => s.AiSystemLinks).Include(s => s.RiskLinks).Include(s => s.ControlLinks).Include(s => s.EvidenceLinks).Include(s => s.SubProcessorLinks)
        .AsSplitQuery();

    private async Task<IReadOnlyList<SupplierDto>> DtosAsync(List<SupplierRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return [];
        }

        var tiers = await TiersAsync(cancellationToken);
        var systems = await db.AiSystems.AsNoTracking().Select(a => new { a.Id, a.Key, a.Name }).ToDictionaryAsync(a => a.Id, cancellationToken);
        var risks = await db.Risks.AsNoTracking().Select(r => new { r.Id, r.Key }).ToDictionaryAsync(r => r.Id, r => r.Key, cancellationToken);
        var controls = await db.ControlKeysAsync(cancellationToken);
        var evidenceIds = records.SelectMany(r => r.EvidenceLinks.Select(l => l.EvidenceId)).Distinct().ToArray();
        var evidence = await db.Evidence.AsNoTracking().Where(e => evidenceIds.Contains(e.Id)).Select(e => new { e.Id, e.Title }).ToDictionaryAsync(e => e.Id, e => e.Title, cancellationToken);
        var suppliers = await db.Suppliers.AsNoTracking().Select(s => new { s.Id, s.Key }).ToDictionaryAsync(s => s.Id, s => s.Key, cancellationToken);
        var usedBy = (await db.SupplierSubProcessors.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(l => l.SubProcessorId, l => l.SupplierId);
        var today = Today;
        var ids = records.Select(r => r.Id).ToArray();
        var accepted = (await db.SupplierQuestionnaires.AsNoTracking().Where(q => ids.Contains(q.SupplierId) && q.Status == QuestionnaireStatus.Accepted).ToListAsync(cancellationToken))
            .ToLookup(q => q.SupplierId, q => SupplierQuestionnaires.Accepted(q)!);

        return records.Select(r =>
        {
            var tier = TierOf(tiers, r.Tier);
            var certifications = SupplierJson.Read<SupplierCertification>(r.CertificationsJson);
            var contracts = SupplierJson.Read<SupplierContract>(r.ContractsJson);
            var reviews = SupplierJson.Read<SupplierReview>(r.ReviewsJson).OrderBy(v => v.On).ToArray();
            var linkedSystems = r.AiSystemLinks.Where(l => systems.ContainsKey(l.AiSystemId))
                .Select(l => new SupplierAiSystemDto(l.AiSystemId, systems[l.AiSystemId].Key, systems[l.AiSystemId].Name, l.Role)).OrderBy(a => a.Key, StringComparer.Ordinal).ToArray();
            var questionnaires = accepted[r.Id].OrderBy(q => q.AcceptedOn).ToArray();
            var facts = new SupplierFacts(r.Key, r.Name, r.Kind, r.Status, tier, certifications, contracts, reviews, linkedSystems.Length > 0, questionnaires);
            return new SupplierDto(
                r.Id, r.Key, r.Name, r.Services, r.Kind, tier, r.DataProcessed, r.Status,
                SupplierJson.Read<SupplierContact>(r.ContactsJson), certifications, contracts, reviews,
                new OffboardingChecklist(r.AccessRemovedOn, r.DataReturnedOn, r.DataDeletedOn),
                linkedSystems,
                risks.KeysOf(r.RiskLinks.Select(l => l.RiskId)),
                controls.KeysOf(r.ControlLinks.Select(l => l.ControlId)),
                r.EvidenceLinks.Where(l => evidence.ContainsKey(l.EvidenceId)).Select(l => new SupplierEvidenceDto(l.EvidenceId, evidence[l.EvidenceId])).OrderBy(e => e.Title, StringComparer.Ordinal).ToArray(),
                suppliers.KeysOf(r.SubProcessorLinks.Select(l => l.SubProcessorId)),
                suppliers.KeysOf(usedBy[r.Id]),
                SupplierStanding.Of(facts, today),
                r.Version)
            {
                AcceptedQuestionnaires = questionnaires,
            };
        }).ToArray();
    }

    /// <summary>A supplier whose tier the organization has since removed is treated as the strictest tier (the shortest cadence).</summary>
    internal static SupplierTier TierOf(IReadOnlyList<SupplierTier> tiers, string key) =>
        tiers.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal))
        ?? tiers.OrderBy(t => t.ReviewMonths).First() with { Key = key, Name = key + " (no longer defined; reviewed as " + tiers.OrderBy(t => t.ReviewMonths).First().Name + ")" };
}

public sealed record UnlinkedAiSupplier(Guid AiSystemId, string Key, string Name, string Supplier);
