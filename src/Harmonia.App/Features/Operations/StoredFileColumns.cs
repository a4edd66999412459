using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Evidence;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Operations;

/// <summary>
/// The columns that hold the address of a file in the evidence store. A backup carries every file one of them names
/// and nothing else; a document revision's content hash is not among them (its text lives in the database).
/// </summary>
public static class StoredFileColumns
{
    public sealed record Column(string Table, string Name);

    public static IReadOnlyList<Column> Of(HarmoniaDbContext db)
    {
        Column Get<T>(string property)
        {
            var entity = db.Model.FindEntityType(typeof(T))!;
            return new Column(entity.GetTableName()!, entity.FindProperty(property)!.GetColumnName());
        }

        return
        [
            Get<EvidenceVersion>(nameof(EvidenceVersion.Sha256)),
            Get<DocumentRevisionRecord>(nameof(DocumentRevisionRecord.DocxSha256)),
            Get<DocumentRevisionRecord>(nameof(DocumentRevisionRecord.PdfSha256)),
            Get<RegisteredDocumentRecord>(nameof(RegisteredDocumentRecord.Sha256)),
        ];
    }

    /// <summary>The tables of the current model, the ones a backup counts.</summary>
    public static IReadOnlyList<string> Tables(HarmoniaDbContext db) =>
        db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
