using System.Globalization;

namespace Harmonia.Tests.Infrastructure;

/// <summary>
/// Issue 19 item 9: what the browser tests measured for every page they loaded, from the browser's navigation timing:
/// the server's time to the first byte of the page and, when a form post redirected to it, the post's round trip.
/// Appended to artifacts/page-timings.csv (one line per page load, marked cold for a fresh server's first request; test.sh clears it before a run and prints its summary
/// after); never asserted, as speed is a benchmark's business on these noisy machines.
/// </summary>
internal static class PageTimings
{
    private static readonly Lock Gate = new();

    public static string File => Path.Combine(RepositoryPaths.Root, "artifacts", "page-timings.csv");

    public static void Record(string url, double serverMilliseconds, double postMilliseconds, bool firstOfServer)
    {
        if (serverMilliseconds < 0)
        {
            return;
        }

        var path = url.Split('?', 2)[0];
        var line = string.Create(CultureInfo.InvariantCulture, $"{Shape(path)},{serverMilliseconds:0.0},{(postMilliseconds < 0 ? string.Empty : postMilliseconds.ToString("0.0", CultureInfo.InvariantCulture))},{(firstOfServer ? "cold" : "warm")}\n");
        lock (Gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(File)!);
            System.IO.File.AppendAllText(File, line);
        }
    }

    /// <summary>The page's route with ids replaced, so that every visit of one page counts towards the same figure.</summary>
    private static string Shape(string path) => string.Join('/', path.Split('/').Select(part => Guid.TryParse(part, out _) ? "{id}" : part));
}
