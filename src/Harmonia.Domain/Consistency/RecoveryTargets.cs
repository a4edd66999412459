using System.Globalization;
using System.Text.RegularExpressions;

namespace Harmonia.Domain.Consistency;

/// <summary>Recovery targets written in evidence text: "RTO 4 h", "RPO: 30 minutes", "an RTO of 2 hours", "4-hour RTO".</summary>
public static class RecoveryTargets
{
    /// <summary>Every value, in hours, that the text gives for the objective ("RTO" or "RPO").</summary>
    public static IReadOnlyList<double> Find(string objective, string text)
    {
        var found = new List<double>();
        var unit = @"(?<n>\d+(?:[.,]\d+)?)\s*-?\s*(?<u>hours?|hrs?|h|minutes?|mins?|m|days?|d)\b";
        foreach (Match m in Regex.Matches(text, $@"\b{objective}\b(?:\s*(?:of|is|=|:|<=|≤|target|under|within|max(?:imum)?))*\s*{unit}", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
        {
            found.Add(Hours(m));
        }

        foreach (Match m in Regex.Matches(text, $@"{unit}\s*{objective}\b", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1)))
        {
            found.Add(Hours(m));
        }

        return found;
    }

    private static double Hours(Match m)
    {
        var value = double.Parse(m.Groups["n"].Value.Replace(',', '.'), CultureInfo.InvariantCulture);
        return char.ToLowerInvariant(m.Groups["u"].Value[0]) switch
        {
            'm' => value / 60,
            'd' => value * 24,
            _ => value,
        };
    }

    public static string Text(double hours) => hours < 1
        ? (hours * 60).ToString("0.##", CultureInfo.InvariantCulture) + " minutes"
        : hours.ToString("0.##", CultureInfo.InvariantCulture) + (hours == 1 ? " hour" : " hours");
}
