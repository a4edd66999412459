using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Harmonia.App.Persistence;

namespace Harmonia.Tests.Infrastructure;

/// <summary>
/// The real web app as its own operating-system process (dotnet Harmonia.Web.dll, Production, Kestrel on a loopback
/// port), so a test can kill it with SIGKILL the way a power cut or the OOM killer would, and start it again.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private ServerProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    public int Port { get; private init; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// The server's resident memory (VmRSS of /proc/&lt;pid&gt;/status, Linux): what the operating system, and the OOM
    /// killer, count against it, managed heap and native memory alike.
    /// </summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Everything the server printed so far.</summary>
    public string Log => string.Join('\n', _log);

    /// <summary>The build of Harmonia.Web of the same configuration as this test assembly.</summary>
    private static string WebDll
    {
        get
        {
            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            return Path.Combine(RepositoryPaths.Root, "src", "Harmonia.Web", "bin", configuration, "net10.0", "Harmonia.Web.dll");
        }
    }

    /// <param name="settings">More settings as environment variables (Section__Key); they win over the defaults here.</param>
    /// <param name="port">A fixed port, to start a node again where a proxy expects it.</param>
    public static ServerProcess Start(DatabaseSettings database, string dataFolder, IReadOnlyDictionary<string, string>? settings = null, int? port = null)
    {
        port ??= FreePort();
        Directory.CreateDirectory(dataFolder);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dataFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(WebDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__Harmonia"] = database.ConnectionString;
        start.Environment["Evidence__Folder"] = Path.Combine(dataFolder, "evidence");
        start.Environment["AuditTrail__AnchorFolder"] = Path.Combine(dataFolder, "trail-anchors");
        start.Environment["Logging__LogLevel__Default"] = "Information";

        // One node: whatever a killed upload left is swept at the next start, not an hour later.
        start.Environment["Evidence__OrphanSweepAfter"] = "00:00:00";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new ServerProcess(Process.Start(start)!, $"http://127.0.0.1:{port}") { Port = port.Value };
    }

    /// <summary>Waits until /health/ready answers 200 (the start-up warm-up included, as a load balancer would); fails with the server's log when it does not within the time.</summary>
    public async Task WaitReadyAsync(TimeSpan within)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < within)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:\n{Log}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseUrl + "/health/ready"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The server did not become ready within {within.TotalSeconds:0} s:\n{Log}");
    }

    /// <summary>SIGKILL: no shutdown code runs, no buffer is flushed, no lock is released by the process itself.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd or an orchestrator stops a node: the host drains in-flight requests and exits.</summary>
    public async Task StopAsync(TimeSpan within)
    {
        if (!_process.HasExited && Kill(_process.Id, 15) != 0)
        {
            throw new InvalidOperationException($"SIGTERM to {_process.Id} failed.");
        }

        using var timeout = new CancellationTokenSource(within);
        await _process.WaitForExitAsync(timeout.Token);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    /// <summary>Whether the log has a line containing the text.</summary>
    public bool Printed(string text) => _log.Any(l => l.Contains(text, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _log.Enqueue(line);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
