using Harmonia.Domain.Catalogs;

namespace Harmonia.Domain.Gaps;

/// <summary>Requirement ids in words a reader of a report knows, instead of the catalog's internal ids.</summary>
public static class RequirementNames
{
    /// <summary>The shared clause layer, which no reader has heard of by its id.</summary>
    public const string SharedFrameworkId = "hs";

    /// <summary>
    /// "ISO/IEC 27001:2022 4.1" for a standard's requirement; "the clause both standards share (harmonized structure
    /// 4.1)" for the shared layer; the id itself when the catalog does not know it.
    /// </summary>
    public static string Readable(Catalog catalog, string requirementId)
    {
        var requirement = catalog.FindRequirement(requirementId);
        if (requirement is null)
        {
            return requirementId;
        }

        return requirement.FrameworkId == SharedFrameworkId
            ? $"the clause both standards share (harmonized structure {requirement.Ref})"
            : $"{catalog.FindFramework(requirement.FrameworkId)?.Name ?? requirement.FrameworkId} {requirement.Ref}";
    }
}
