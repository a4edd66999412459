namespace Harmonia.Tests.Infrastructure;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Examples => Path.Combine(Root, "examples");

    /// <summary>The team's reference facts live beside the repository in ../shared/reference (CI copies them there too).</summary>
    public static string Reference
    {
        get
        {
            var path = Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference"));
            return Directory.Exists(path)
                ? path
                : throw new DirectoryNotFoundException($"The reference facts are expected at {path} (../shared/reference beside the repository).");
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Harmonia.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find Harmonia.slnx above " + AppContext.BaseDirectory);
    }
}
