using System.Xml.Linq;
using Harmonia.Domain.Catalogs;

namespace Harmonia.Domain.Tests.Architecture;

/// <summary>The domain stays pure (docs/decisions/0001-pure-domain.md): no package, no project, no framework beyond the base library.</summary>
public sealed class DomainPurityTests
{
    [Fact]
    public void Domain_project_references_no_package_or_project()
    {
        var project = XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Harmonia.Domain", "Harmonia.Domain.csproj"));

        var references = project.Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference" or "FrameworkReference")
            .Select(e => e.Name.LocalName + " " + (string?)e.Attribute("Include"))
            .ToArray();

        Assert.Empty(references);
    }

    [Fact]
    public void Domain_assembly_depends_only_on_the_base_library()
    {
        var referenced = typeof(Catalog).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.All(referenced, name => Assert.True(
            name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "netstandard" or "mscorlib",
            $"Harmonia.Domain references {name}"));
        Assert.DoesNotContain(referenced, n => n.Contains("EntityFramework", StringComparison.Ordinal) || n.Contains("AspNetCore", StringComparison.Ordinal));
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Harmonia.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Harmonia.slnx) above " + AppContext.BaseDirectory);
    }
}
