using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Suppliers;

/// <summary>The questionnaires sent to a supplier, newest first, and one of them with its saved versions.</summary>
public sealed class ListSupplierQuestionnairesHandler(HarmoniaDbContext db, TimeProvider time)
{
    /// <summary>Throws NotFoundException when the organization has no such supplier.</summary>
    public async Task<IReadOnlyList<SupplierQuestionnaireDto>> HandleAsync(Guid supplierId, CancellationToken cancellationToken = default)
    {
        var key = await db.Suppliers.Where(s => s.Id == supplierId).Select(s => s.Key).SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException("supplier");
        var records = await db.SupplierQuestionnaires.AsNoTracking().Where(q => q.SupplierId == supplierId).OrderByDescending(q => q.SentUtc).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return records.Select(r => SupplierQuestionnaires.Dto(r, key, now)).ToArray();
    }

    /// <summary>Throws NotFoundException when the organization has no such questionnaire.</summary>
    public async Task<SupplierQuestionnaireDto> OneAsync(Guid questionnaireId, CancellationToken cancellationToken = default)
    {
        var record = await db.SupplierQuestionnaires.AsNoTracking().SingleOrDefaultAsync(q => q.Id == questionnaireId, cancellationToken) ?? throw new NotFoundException("questionnaire");
        var key = await db.Suppliers.Where(s => s.Id == record.SupplierId).Select(s => s.Key).SingleAsync(cancellationToken);
        return SupplierQuestionnaires.Dto(record, key, time.GetUtcNow().UtcDateTime);
    }

    public async Task<IReadOnlyList<SupplierAnswerVersionDto>> VersionsAsync(Guid questionnaireId, CancellationToken cancellationToken = default)
    {
        _ = await db.SupplierQuestionnaires.AsNoTracking().AnyAsync(q => q.Id == questionnaireId, cancellationToken) ? 0 : throw new NotFoundException("questionnaire");
        return await db.SupplierAnswerVersions.AsNoTracking().Where(v => v.QuestionnaireId == questionnaireId).OrderBy(v => v.Number)
            .Select(v => new SupplierAnswerVersionDto(v.Number, v.Submitted, v.SavedUtc, v.Sha256)).ToListAsync(cancellationToken);
    }
}
