using System.Diagnostics;
using System.Globalization;
using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Harmonia.Tests.Hardening.Fuzz;

/// <summary>What one case did to the entry point under test.</summary>
internal enum FuzzOutcome
{
    /// <summary>The input was taken.</summary>
    Accepted,

    /// <summary>The input was refused the way the product refuses bad input (a 4xx, a validation exception).</summary>
    Refused,
}

/// <summary>
/// Runs the cases of one entry point and keeps the counts the closing note quotes: cases, crashes (an exception the
/// product does not throw on purpose), 500s, the slowest case and the largest managed heap seen. Every case gets a
/// generous deadline through cancellation; a case that outlives it is a hang and fails the run, whatever its speed
/// otherwise. The counts go to the test output and to artifacts/fuzz-summary.txt, also when the run fails.
/// </summary>
internal sealed class FuzzRun(string entry, ITestOutputHelper output)
{
    /// <summary>Far above the parse budget (InputLimits.MaxParseTime, 5 s): only a case that does not stop reaches it.</summary>
    public static readonly TimeSpan CaseDeadline = TimeSpan.FromSeconds(60);

    /// <summary>Generous: the readers hold at most a few copies of a 2 MB text per case; a leak over thousands of cases passes this.</summary>
    public const long MemoryBoundBytes = 768L * 1024 * 1024;

    private readonly Lock _gate = new();
    private readonly long _heapBefore = GC.GetTotalMemory(forceFullCollection: true);
    private long _cases;
    private long _accepted;
    private long _refused;
    private long _crashes;
    private long _serverErrors;
    private long _hangs;
    private TimeSpan _slowest;
    private long _peakHeap;

    public static string SummaryFile => Path.Combine(RepositoryPaths.Root, "artifacts", "fuzz-summary.txt");

    /// <summary>CsCheck's seed for the run: set CsCheck_Seed to repeat a failing one (CsCheck prints it on failure).</summary>
    public static string? Seed => Environment.GetEnvironmentVariable("CsCheck_Seed");

    public long Cases => Interlocked.Read(ref _cases);

    /// <summary>Runs one case: the work gets a token cancelled at the deadline, and the case fails if it does not end by then.</summary>
    public async Task CaseAsync(Func<CancellationToken, Task<FuzzOutcome>> work, Func<string> describe)
    {
        using var deadline = new CancellationTokenSource(CaseDeadline);
        var clock = Stopwatch.StartNew();
        Exception? crash = null;
        try
        {
            var task = Task.Run(() => work(deadline.Token), CancellationToken.None);
            if (await Task.WhenAny(task, Task.Delay(CaseDeadline + TimeSpan.FromSeconds(30), CancellationToken.None)) != task)
            {
                Interlocked.Increment(ref _hangs);
                throw new TimeoutException($"{entry}: a case did not stop within {CaseDeadline.TotalSeconds:0} s after it was cancelled: {describe()}");
            }

            if (await task == FuzzOutcome.Accepted)
            {
                Interlocked.Increment(ref _accepted);
            }
            else
            {
                Interlocked.Increment(ref _refused);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Interlocked.Increment(ref _hangs);
            throw new TimeoutException($"{entry}: a case ran into its {CaseDeadline.TotalSeconds:0} s deadline: {describe()}");
        }
        catch (ServerErrorException)
        {
            Interlocked.Increment(ref _serverErrors);
            throw;
        }
        catch (Exception e) when (IsExpected(e))
        {
            Interlocked.Increment(ref _refused);
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            crash = e;
        }
        finally
        {
            Interlocked.Increment(ref _cases);
            var elapsed = clock.Elapsed;
            var heap = GC.GetTotalMemory(forceFullCollection: false);
            lock (_gate)
            {
                _slowest = elapsed > _slowest ? elapsed : _slowest;
                _peakHeap = Math.Max(_peakHeap, heap);
            }
        }

        if (crash is not null)
        {
            Interlocked.Increment(ref _crashes);
            throw new InvalidOperationException($"{entry}: a case crashed with {crash.GetType().Name}: {crash.Message} Input: {describe()}", crash);
        }
    }

    /// <summary>The exceptions the product throws on purpose for bad input; they become 400, 404, 409, 412 or 413 answers and exit code 1.</summary>
    public static bool IsExpected(Exception e) => e is HarmoniaException or ContentValidationException;

    /// <summary>Writes the counts and checks the memory bound: the managed heap after a full collection stays within it.</summary>
    public void Finish()
    {
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ} {entry}: cases={Cases} accepted={_accepted} refused={_refused} crashes={_crashes} http500={_serverErrors} hangs={_hangs} max-case-ms={_slowest.TotalMilliseconds:0} peak-heap-mb={_peakHeap / 1024.0 / 1024:0.0} heap-after-mb={heapAfter / 1024.0 / 1024:0.0} process-peak-mb={Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024:0}");
        output.WriteLine(line);
        Console.WriteLine(line);
        Directory.CreateDirectory(Path.GetDirectoryName(SummaryFile)!);
        lock (typeof(FuzzRun))
        {
            File.AppendAllText(SummaryFile, line + Environment.NewLine);
        }

        Assert.True(heapAfter - _heapBefore < MemoryBoundBytes, $"{entry}: the managed heap grew by {(heapAfter - _heapBefore) / 1024 / 1024} MB over the run.");
    }

    /// <summary>A 5xx answer from the API: a crash as far as the client can tell.</summary>
    public sealed class ServerErrorException(string message) : Exception(message);

    /// <summary>Shortens an input for a failure message (the whole input is reproducible from CsCheck's seed).</summary>
    public static string Show(byte[] input) => Show(System.Text.Encoding.UTF8.GetString(input));

    public static string Show(string input) => input.Length <= 600 ? input : input[..300] + $" … ({input.Length} characters) … " + input[^200..];
}
