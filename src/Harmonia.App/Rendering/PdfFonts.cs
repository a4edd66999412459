using PdfSharp.Fonts;

namespace Harmonia.App.Rendering;

/// <summary>
/// PDFsharp finds no fonts by itself on Linux: this resolver serves DejaVu Sans (free licence, wide Unicode
/// coverage) from the system's font folder, or from <c>HARMONIA_FONT_DIR</c> when a deployment ships it elsewhere.
/// </summary>
internal sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private static readonly Lock Gate = new();
    private static bool _installed;

    private static readonly string[] Folders =
    [
        Environment.GetEnvironmentVariable("HARMONIA_FONT_DIR") ?? string.Empty,
        "/usr/share/fonts/truetype/dejavu",
        "/usr/share/fonts/dejavu",
        "/usr/local/share/fonts",
    ];

    /// <summary>Sets the resolver once per process (PDFsharp allows it to be set only before first use).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (!_installed)
            {
                GlobalFontSettings.FontResolver ??= new PdfFonts();
                _installed = true;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? "DejaVuSans-Bold" : isItalic ? "DejaVuSans-Oblique" : "DejaVuSans");

    public byte[]? GetFont(string faceName)
    {
        foreach (var folder in Folders.Where(f => f.Length > 0))
        {
            var path = Path.Combine(folder, faceName + ".ttf");
            if (File.Exists(path))
            {
                return File.ReadAllBytes(path);
            }
        }

        throw new InvalidOperationException($"Font {faceName}.ttf not found: install fonts-dejavu-core or set HARMONIA_FONT_DIR.");
    }
}
