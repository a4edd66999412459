using Harmonia.App.Common;
using Harmonia.App.Content;

namespace Harmonia.App.Features.Controls;

/// <summary>Checks a control before anything is written; every problem is reported by field.</summary>
public sealed class ControlInputValidator(LoadedContent content)
{
    public void Validate(ControlInput input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Key) || input.Key.Length > 64)
        {
            errors["key"] = ["A key of 1 to 64 characters is required, e.g. C-12."];
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 300)
        {
            errors["name"] = ["A name of 1 to 300 characters is required."];
        }

        if (input.Owner is { Length: > 200 })
        {
            errors["owner"] = ["The owner may have at most 200 characters."];
        }

        if (input.Status is null || !OrganizationValues.Statuses.ContainsKey(input.Status))
        {
            errors["status"] = [$"Status must be one of: {string.Join(", ", OrganizationValues.Statuses.Keys)}."];
        }

        var unknown = (input.Requirements ?? []).Where(r => content.Catalog.FindRequirement(r) is null).ToArray();
        if (unknown.Length > 0)
        {
            errors["requirements"] = [$"Unknown requirement ids: {string.Join(", ", unknown)}."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }
    }
}
