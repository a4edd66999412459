using Harmonia.App.Common;
using Harmonia.App.Rendering;

namespace Harmonia.App.Features.Documents;

/// <summary>
/// The employees' copy of a published revision: the approved words without the traceability marks and the list of
/// requirements addressed (the auditor's copy, kept at publication, has them). Written from the revision's model
/// rendered again, and only when that model's content hash equals the revision's, so the copy never says anything the
/// approver did not approve.
/// </summary>
public sealed class ExportEmployeeCopyHandler(ReadRevisionTextHandler text)
{
    public async Task<GeneratedFile> HandleAsync(Guid documentId, int number, DocumentFileFormat format, CancellationToken cancellationToken = default)
    {
        var (revision, model, why) = await text.ModelAsync(documentId, number, cancellationToken);
        if (revision.PublishedUtc is null)
        {
            throw new InvalidInputException($"Revision {revision.Label} was never published; employees read published revisions only.");
        }

        if (model is null)
        {
            throw new InvalidInputException($"{why}: the employees' copy cannot be written with the approved words. Use the published copy.");
        }

        return DocumentFiles.WriteWithoutMarks(model, format, $"{model.Info.Id}-{revision.Label}", cancellationToken);
    }
}
