using Harmonia.App.Common;
using Harmonia.App.Content;

namespace Harmonia.App.Features.Controls;

/// <summary>Checks a control before anything is written; every problem is reported by field.</summary>
public sealed class ControlInputValidator(LoadedContent content)
{
    public void Validate(ControlInput input)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (RecordKey.Problem(input.Key, "C-12") is { } keyProblem)
        {
            errors["key"] = [keyProblem];
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
