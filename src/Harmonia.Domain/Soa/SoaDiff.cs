namespace Harmonia.Domain.Soa;

/// <summary>One control whose statement differs between two versions, in words.</summary>
public sealed record SoaChange(string Ref, string Title, IReadOnlyList<string> Changes);

public static class SoaDiff
{
    public static IReadOnlyList<SoaChange> Between(IReadOnlyList<SoaRow> older, IReadOnlyList<SoaRow> newer)
    {
        var before = older.ToDictionary(r => r.RequirementId, StringComparer.Ordinal);
        var changes = new List<SoaChange>();
        foreach (var row in newer)
        {
            if (!before.TryGetValue(row.RequirementId, out var old))
            {
                changes.Add(new SoaChange(row.Ref, row.Title, ["added"]));
                continue;
            }

            var what = new List<string>();
            if (old.Included != row.Included || old.Undecided != row.Undecided)
            {
                what.Add(row.Undecided ? "now not decided" : row.Included ? "now included" : "now excluded");
            }

            var reasonsBefore = string.Join(", ", old.Reasons.Select(SoaReasonText.Label));
            var reasonsAfter = string.Join(", ", row.Reasons.Select(SoaReasonText.Label));
            if (reasonsBefore != reasonsAfter)
            {
                what.Add($"reasons: {Or(reasonsBefore)} -> {Or(reasonsAfter)}");
            }

            if (!string.Equals(old.Justification, row.Justification, StringComparison.Ordinal))
            {
                what.Add($"justification: \"{old.Justification}\" -> \"{row.Justification}\"");
            }

            if (old.Implementation != row.Implementation)
            {
                what.Add($"implementation: {SoaReasonText.Label(old.Implementation)} -> {SoaReasonText.Label(row.Implementation)}");
            }

            if (!old.Controls.SequenceEqual(row.Controls, StringComparer.Ordinal))
            {
                what.Add($"controls: {Or(string.Join(", ", old.Controls))} -> {Or(string.Join(", ", row.Controls))}");
            }

            if (what.Count > 0)
            {
                changes.Add(new SoaChange(row.Ref, row.Title, what));
            }
        }

        return changes;
    }

    private static string Or(string text) => text.Length == 0 ? "none" : text;
}
