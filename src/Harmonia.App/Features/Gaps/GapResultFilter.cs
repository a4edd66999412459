using Harmonia.Domain.Gaps;

namespace Harmonia.App.Features.Gaps;

/// <summary>
/// The result filter of the gap report (API and page): every result word the JSON uses, so a filter value means
/// what the same word means in a row, plus "unfinished" for every requirement not yet satisfied or not applicable.
/// </summary>
public static class GapResultFilter
{
    public const string Unfinished = "unfinished";

    public const string Expected = "result must be satisfied, partially_satisfied, not_satisfied, not_applicable, open or unfinished (open, not satisfied or partially satisfied).";

    private static readonly HashSet<string> Words = [.. Enum.GetValues<RequirementResult>().Select(r => r.ToToken()), Unfinished];

    public static bool IsKnown(string value) => Words.Contains(value);

    /// <param name="value">Null matches every row.</param>
    public static bool Matches(GapRow row, string? value) => value switch
    {
        null => true,
        Unfinished => row.IsOpen,
        _ => row.Result.ToToken() == value,
    };
}
