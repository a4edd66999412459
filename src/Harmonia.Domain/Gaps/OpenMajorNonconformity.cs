namespace Harmonia.Domain.Gaps;

/// <summary>
/// A major nonconformity raised against a requirement and not yet closed. While it is open the requirement cannot
/// count as met, whatever the controls, records or mappings say.
/// </summary>
/// <param name="Id">The nonconformity's number as people quote it ("NC-7").</param>
/// <param name="Source">Where it was raised, for the reason sentence ("internal audit 2026-05").</param>
/// <param name="Text">What was found.</param>
public sealed record OpenMajorNonconformity(string Id, string RequirementId, string Source, string Text)
{
    public string Reason => $"Open major nonconformity {Id} ({Source}): {Text.Trim()}";
}
