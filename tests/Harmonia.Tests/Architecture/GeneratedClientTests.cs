using System.Diagnostics;
using System.Text.Json;
using System.Xml.Linq;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Harmonia.Tests.Architecture;

/// <summary>
/// A generated client proves the API document: Kiota (the tool pinned in .config/dotnet-tools.json) generates a C#
/// client from the live server's /openapi/v1.json, a throwaway project compiles it with the Kiota libraries pinned in
/// Directory.Packages.props, and GeneratedClient/ClientScenario.cs drives it against the same server: create a control,
/// upload evidence to it, read the gap report, page through risks. Every response must be documented (status and
/// content type) and round-trip through the generated model; the document itself must give every operation a unique
/// operationId and generate without a warning.
/// </summary>
public sealed class GeneratedClientTests(ITestOutputHelper output)
{
    private static readonly string[] KiotaLibraries =
    [
        "Microsoft.Kiota.Abstractions", "Microsoft.Kiota.Http.HttpClientLibrary", "Microsoft.Kiota.Serialization.Json",
        "Microsoft.Kiota.Serialization.Text", "Microsoft.Kiota.Serialization.Form", "Microsoft.Kiota.Serialization.Multipart",
    ];

    [Fact]
    public async Task A_client_generated_from_the_document_creates_uploads_reads_and_pages_against_the_server()
    {
        var port = ServerProcess.FreePort();
        await using var host = await ApiHost.StartAsync(
            DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Api:PublishDocs"] = "true", ["Urls"] = $"http://127.0.0.1:{port}" }, kestrelPort: port);
        var work = Directory.CreateTempSubdirectory("harmonia-client-");
        try
        {
            var clock = Stopwatch.StartNew();
            using var http = new HttpClient();
            var documentText = await http.GetStringAsync(new Uri(host.BaseUrl + "/openapi/v1.json"));
            var documentPath = Path.Combine(work.FullName, "openapi.json");
            await File.WriteAllTextAsync(documentPath, documentText);
            OperationIdsArePresentAndUnique(documentText);

            // The tool from the repository's manifest (restored here too, so a fresh machine needs no other step).
            await RunAsync(RepositoryPaths.Root, "dotnet", "tool", "restore");
            var generated = await RunAsync(
                RepositoryPaths.Root, "dotnet", "kiota", "generate", "--openapi", documentPath, "--language", "CSharp", "--class-name", "HarmoniaClient",
                "--namespace-name", "Harmonia.Client", "--output", Path.Combine(work.FullName, "Client"), "--exclude-backward-compatible", "--clean-output", "--log-level", "Warning");
            Assert.Empty(Warnings(generated));
            var generation = clock.Elapsed;

            await File.WriteAllTextAsync(Path.Combine(work.FullName, "ClientCheck.csproj"), Project());
            File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "Harmonia.Tests", "Architecture", "GeneratedClient", "ClientScenario.cs"), Path.Combine(work.FullName, "ClientScenario.cs"));
            await RunAsync(work.FullName, "dotnet", "build", "-c", "Release", "--nologo", "-v", "quiet", "-clp:ErrorsOnly", "-nodeReuse:false", "-p:UseSharedCompilation=false");
            var compilation = clock.Elapsed - generation;

            var scenario = await RunAsync(
                work.FullName, "dotnet", Path.Combine(work.FullName, "bin", "Release", "net10.0", "ClientCheck.dll"),
                host.BaseUrl!, host.TokensA[OrganizationRole.Owner], host.OrganizationA.ToString(), documentPath);
            output.WriteLine(scenario);
            output.WriteLine($"generation {generation.TotalSeconds:0.0} s, compilation {compilation.TotalSeconds:0.0} s, scenario {(clock.Elapsed - generation - compilation).TotalSeconds:0.0} s");
            Assert.Contains("scenario passed", scenario, StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void OperationIdsArePresentAndUnique(string documentText)
    {
        using var document = JsonDocument.Parse(documentText);
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch").Select(o => (Name: $"{o.Name.ToUpperInvariant()} {p.Name}", Operation: o.Value)))
            .ToList();
        Assert.True(operations.Count > 100, $"only {operations.Count} operations");
        Assert.All(operations, o => Assert.True(o.Name.Split(' ')[1].StartsWith("/api/", StringComparison.Ordinal), $"{o.Name} is not an API route"));
        var missing = operations.Where(o => !o.Operation.TryGetProperty("operationId", out _)).Select(o => o.Name).ToList();
        Assert.True(missing.Count == 0, "without operationId: " + string.Join(", ", missing));
        var duplicates = operations.GroupBy(o => o.Operation.GetProperty("operationId").GetString()).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "operationIds used twice: " + string.Join(", ", duplicates));
    }

    /// <summary>Kiota's warnings about the document; its own failed check for a newer version (no network here) is not one.</summary>
    private static List<string> Warnings(string log) =>
    [
        .. log.Split("\n")
            .Select((line, i) => (line, i))
            .Where(l => l.line.StartsWith("warn:", StringComparison.Ordinal) || l.line.StartsWith("fail:", StringComparison.Ordinal) || l.line.StartsWith("crit:", StringComparison.Ordinal))
            .Select(l => string.Join(" ", log.Split("\n").Skip(l.i).Take(2).Select(s => s.Trim())))
            .Where(w => !w.Contains("Unable to check for updates", StringComparison.Ordinal)),
    ];

    /// <summary>A console project with the generated client, the scenario and the Kiota libraries at the repository's pinned versions.</summary>
    private static string Project()
    {
        var pinned = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!, StringComparer.Ordinal);
        var references = string.Join("\n", KiotaLibraries.Select(l => $"""    <PackageReference Include="{l}" Version="{pinned[l]}" />"""));
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <NuGetAudit>false</NuGetAudit>
                <GenerateDocumentationFile>false</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """;
    }

    /// <summary>Runs a command to its end; fails the test with its output when it exits non-zero or takes over five minutes.</summary>
    private static async Task<string> RunAsync(string folder, string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true";
        start.Environment["KIOTA_UPDATE__DISABLED"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var text = (await stdout) + (await stderr);
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', arguments)} exited {process.ExitCode}:\n{text}");
        return text;
    }
}
