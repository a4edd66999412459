using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using Amazon.S3;
using Harmonia.App.Common;

namespace Harmonia.Tests.Infrastructure;

/// <summary>
/// A real S3-compatible server (the npm package s3rver, installed by test.sh into .tools/s3rver) on 127.0.0.1, on a free
/// port, over a fresh temporary folder, with one bucket. Each test starts its own and removes it at the end.
/// </summary>
internal sealed class S3Server : IAsyncDisposable
{
    public const string Bucket = "harmonia-evidence";

    // s3rver's fixed credentials.
    private const string Key = "S3RVER";

    private readonly Process _process;
    private readonly string _directory;
    private readonly ConcurrentQueue<string> _log = new();

    private S3Server(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        ServiceUrl = new Uri($"http://127.0.0.1:{port}/");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri ServiceUrl { get; }

    /// <summary>Every request the server logged (method, path and query), to see how a client talked to it.</summary>
    public IReadOnlyCollection<string> Log => _log;

    /// <summary>Why the S3 tests cannot run here (node missing), or null. A missing s3rver package is a failure, not a reason: test.sh installs it.</summary>
    public static string? Unavailable => Node is null ? "node is not installed, so the S3-compatible test server (s3rver) cannot run; test.sh installs it with npm." : null;

    private static string? Node => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(p => Path.Combine(p, "node"))
        .FirstOrDefault(File.Exists);

    private static string Script => Path.Combine(RepositoryPaths.Root, ".tools", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");

    public static async Task<S3Server> StartAsync()
    {
        if (!File.Exists(Script))
        {
            throw new InvalidOperationException($"s3rver is not installed at {Script}; run: npm install --prefix .tools/s3rver s3rver@3.7.1 (test.sh does).");
        }

        var directory = Path.Combine(Path.GetTempPath(), "harmonia-s3-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = ServerProcess.FreePort();
        var start = new ProcessStartInfo(Node!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Script, "--directory", directory, "--address", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-vhost-buckets", "--configure-bucket", Bucket })
        {
            start.ArgumentList.Add(argument);
        }

        var server = new S3Server(Process.Start(start)!, directory, port);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var tcp = new TcpClient();
                await tcp.ConnectAsync("127.0.0.1", port);
                break;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !server._process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException("s3rver did not start: " + string.Join(Environment.NewLine, server._log));
            }
        }

        // The bucket is created once the server listens; a moment later it answers requests for it.
        using var client = S3EvidenceStore.CreateClient(server.Settings());
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = Bucket });
                return server;
            }
            catch (AmazonS3Exception) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }

    public S3EvidenceSettings Settings(int presignedDownloadMinutes = 0) =>
        new(ServiceUrl, Bucket, "us-east-1", ForcePathStyle: true, Key, Key, presignedDownloadMinutes);

    /// <summary>The same settings as configuration, for a web host or the CLI.</summary>
    public Dictionary<string, string> Configuration(int presignedDownloadMinutes = 0) => new()
    {
        ["Evidence:Store"] = "s3",
        ["Evidence:S3:ServiceUrl"] = ServiceUrl.AbsoluteUri,
        ["Evidence:S3:Bucket"] = Bucket,
        ["Evidence:S3:Region"] = "us-east-1",
        ["Evidence:S3:AccessKey"] = Key,
        ["Evidence:S3:SecretKey"] = Key,
        ["Evidence:S3:PresignedDownloadMinutes"] = presignedDownloadMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>A client of its own, as another program on the server's machine would be: it reads and writes objects directly.</summary>
    public AmazonS3Client Client() => S3EvidenceStore.CreateClient(Settings());

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
        }
    }
}

/// <summary>A test that needs the S3-compatible server; skipped, with the reason, only where node is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute()
    {
        if (S3Server.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <inheritdoc cref="S3FactAttribute"/>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class S3TheoryAttribute : TheoryAttribute
{
    public S3TheoryAttribute()
    {
        if (S3Server.Unavailable is { } reason)
        {
            Skip = reason;
        }
    }
}
