namespace Harmonia.Tests.Infrastructure;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Content => Path.Combine(Root, "content");

    public static string Examples => Path.Combine(Root, "examples");

    /// <summary>The reference facts (ids, official short titles, NIST's crosswalk) kept in the repository, so a clone tests alone.</summary>
    public static string Reference => Path.Combine(Root, "tests", "Harmonia.Tests", "reference");

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
