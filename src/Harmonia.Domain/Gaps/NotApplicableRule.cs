using Harmonia.Domain.Catalogs;

namespace Harmonia.Domain.Gaps;

/// <summary>
/// DESIGN.md "Gap analysis, precisely" 5: a certification body accepts "not applicable" only for an Annex A control
/// excluded, with a justification, by an approved Statement of Applicability. Clauses 4 to 10 bind everyone who
/// claims conformity. So nobody may enter "not applicable" directly; the only way in is the SoA exclusion.
/// </summary>
public static class NotApplicableRule
{
    /// <summary>Why a directly entered "not applicable" for <paramref name="requirement"/> is refused.</summary>
    /// <param name="hasStatementOfApplicability">Whether the framework has a Statement of Applicability in Harmonia.</param>
    public static string Refusal(Requirement requirement, string frameworkName, bool hasStatementOfApplicability) =>
        requirement.Kind == RequirementKind.Clause
            ? $"{frameworkName} {requirement.Ref} ({requirement.Title}) is a clause requirement: clauses 4 to 10 are mandatory for certification, so it can never be not applicable. Record what is in place (not satisfied or partially satisfied) and plan the rest."
            : hasStatementOfApplicability
                ? $"{frameworkName} {requirement.Ref} ({requirement.Title}) is an Annex A control: it becomes not applicable only when an approved Statement of Applicability excludes it with a justification. Exclude it on the Statement of Applicability instead."
                : $"{frameworkName} {requirement.Ref} ({requirement.Title}) cannot be marked not applicable: Harmonia records applicability only through a Statement of Applicability, which {frameworkName} does not have. Enter the result it has and explain it in the reason.";
}

/// <summary>An Annex A control the organization's approved Statement of Applicability excludes, and why.</summary>
public sealed record SoaExclusion(string RequirementId, int SoaVersion, DateOnly ApprovedOn, string ApprovedBy, string Justification)
{
    public string Reason =>
        $"Not applicable: excluded by the Statement of Applicability v{SoaVersion}, approved by {ApprovedBy} on {ApprovedOn:yyyy-MM-dd}. Justification: {Justification.Trim().TrimEnd('.')}.";
}
