using Harmonia.App.Features.Certification;
using Harmonia.Web.Platform;

namespace Harmonia.Web.Features.Certification;

/// <summary>The document list page posts four fields per requirement, named "{field}:{requirementId}".</summary>
internal static class HeldDocumentsForm
{
    public static IReadOnlyList<HeldDocumentInput> Read(IFormCollection form) =>
        form.Keys.Where(k => k.StartsWith("title:", StringComparison.Ordinal))
            .Select(k => k["title:".Length..])
            .Select(id => new HeldDocumentInput(
                id,
                FormValues.Text(form, "title:" + id),
                FormValues.Text(form, "reference:" + id),
                FormValues.Date(form, "datedOn:" + id),
                FormValues.Text(form, "location:" + id)))
            .ToArray();
}
