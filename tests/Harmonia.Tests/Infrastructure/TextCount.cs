namespace Harmonia.Tests.Infrastructure;

internal static class TextCount
{
    /// <summary>How many times <paramref name="part"/> stands in <paramref name="text"/> (ordinal, without overlaps).</summary>
    public static int Occurrences(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
