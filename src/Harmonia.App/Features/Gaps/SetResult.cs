using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.Domain.Gaps;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Gaps;

/// <summary>
/// Enters a result for a requirement directly, or confirms or overrides an inferred one. A reason is required:
/// an auditor asks why a person decided the result.
/// </summary>
public sealed class SetResultHandler(HarmoniaDbContext db, LoadedContent content)
{
    public async Task<ResultDto> HandleAsync(string requirementId, ResultInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var requirement = content.Catalog.FindRequirement(requirementId);
        if (requirement is null)
        {
            errors["requirementId"] = [$"Unknown requirement id '{requirementId}'."];
        }

        if (input.Result is null || !OrganizationValues.Results.ContainsKey(input.Result))
        {
            errors["result"] = [$"Result must be one of: {string.Join(", ", OrganizationValues.EnterableResults)}."];
        }
        else if (requirement is not null && OrganizationValues.ParseResult(input.Result) == RequirementResult.NotApplicable)
        {
            errors["result"] = [OrganizationValues.NotApplicableRefusal(content.Catalog, requirement)];
        }

        if (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Length > 2000)
        {
            errors["reason"] = ["Say why, in 1 to 2000 characters: the reason is what an auditor reads."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var record = await db.RequirementResults.SingleOrDefaultAsync(r => r.RequirementId == requirementId, cancellationToken);
        if (record is null)
        {
            record = new RequirementResultRecord { RequirementId = requirementId, Result = input.Result! };
            db.RequirementResults.Add(record);
        }

        record.Result = input.Result!;
        record.Reason = input.Reason!.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return new ResultDto(record.RequirementId, record.Result, record.Reason);
    }
}
