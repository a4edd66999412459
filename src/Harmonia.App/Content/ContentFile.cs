using System.Reflection;

namespace Harmonia.App.Content;

/// <summary>A content file by its path relative to the content root (<c>frameworks/hs.yaml</c>) and its text.</summary>
public sealed record ContentFile(string Path, string Text)
{
    private const string ResourcePrefix = "content/";

    /// <summary>The content shipped inside Harmonia.App.</summary>
    public static IReadOnlyList<ContentFile> Embedded()
    {
        var assembly = typeof(ContentFile).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new ContentFile(n[ResourcePrefix.Length..].Replace('\\', '/'), Read(assembly, n)))
            .ToArray();
    }

    /// <summary>Content from a folder laid out like <c>content/</c> (used to validate edits before they ship).</summary>
    public static IReadOnlyList<ContentFile> FromDirectory(string root) =>
        Directory.EnumerateFiles(root, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.Exists(System.IO.Path.Combine(root, "templates")) ? Directory.EnumerateFiles(System.IO.Path.Combine(root, "templates"), "*.md", SearchOption.AllDirectories) : [])
            .Select(f => new ContentFile(System.IO.Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToArray();

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
