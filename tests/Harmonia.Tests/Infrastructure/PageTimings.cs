using System.Globalization;

namespace Harmonia.Tests.Infrastructure;

/// <summary>
/// Issue 19 item 9: what the browser tests measured for every page they loaded, from the browser's navigation timing:
/// the server's time to the first byte of the page and, when a form post redirected to it, the post's round trip.
/// Appended to artifacts/page-timings.csv (one line per page load, marked <c>cold</c> for a fresh server's first
/// request, <c>first</c> for the first visit of a page on that server, <c>warm</c> otherwise: a server process pays
/// once per page for compiling its queries and code, and each test starts its own server, so the first visits would
/// otherwise stand for what a person meets on a running server). test.sh clears it before a run and prints its
/// summary after; never asserted, as speed is a benchmark's business on these noisy machines.
/// </summary>
internal static class PageTimings
{
    private static readonly Lock Gate = new();

    public static string File => Path.Combine(RepositoryPaths.Root, "artifacts", "page-timings.csv");

    /// <param name="visit">cold, first or warm (see the summary).</param>
    public static void Record(string url, double serverMilliseconds, double postMilliseconds, string visit)
    {
        if (serverMilliseconds < 0)
        {
            return;
        }

        var line = string.Create(CultureInfo.InvariantCulture, $"{Shape(url)},{serverMilliseconds:0.0},{(postMilliseconds < 0 ? string.Empty : postMilliseconds.ToString("0.0", CultureInfo.InvariantCulture))},{visit}\n");
        lock (Gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(File)!);
            System.IO.File.AppendAllText(File, line);
        }
    }

    /// <summary>The page's route with ids replaced, so that every visit of one page counts towards the same figure.</summary>
    public static string Shape(string url) => string.Join('/', url.Split('?', 2)[0].Split('/').Select(part => Guid.TryParse(part, out _) ? "{id}" : part));
}
