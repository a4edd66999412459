using Harmonia.App.Common;

namespace Harmonia.App.Features.Evidence;

internal static class EvidenceInputValidator
{
    public static void Validate(EvidenceInput input, bool titleRequired, bool hasFile)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (titleRequired && (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > EvidenceValues.MaxTitleLength))
        {
            errors["title"] = [$"A title of 1 to {EvidenceValues.MaxTitleLength} characters is required, e.g. 'Access review minutes Q2'."];
        }

        if (!string.IsNullOrWhiteSpace(input.Url) && !EvidenceValues.IsWebAddress(input.Url.Trim()))
        {
            errors["url"] = ["The link must be an http or https address."];
        }

        if (hasFile && !string.IsNullOrWhiteSpace(input.Url))
        {
            errors["url"] = ["Send either a file or a link, not both."];
        }

        if (input.Note is { Length: > 2000 })
        {
            errors["note"] = ["The note may have at most 2000 characters."];
        }

        if (input.EffectiveOn is { } from && input.ExpiresOn is { } until && until < from)
        {
            errors["expiresOn"] = ["The expiry date is before the effective date."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }
    }
}
