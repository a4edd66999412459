using System.Data.Common;
using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Harmonia.Cli;

/// <summary>What every command needs: the handlers, the two writers, and one place that turns failures into exit codes.</summary>
internal sealed class CliContext(IServiceProvider services, TextWriter stdout, TextWriter stderr, bool colors)
{
    public TextWriter Out => stdout;

    public TextWriter Error => stderr;

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public IAnsiConsole Console()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colors ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(stdout),
            Interactive = InteractionSupport.No,
        });
        if (!colors)
        {
            console.Profile.Width = 160;
        }

        return console;
    }

    /// <summary>Runs a command body; input problems become one line on stderr and exit code 1, with nothing written.</summary>
    public int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex) when (ex is HarmoniaException or ContentValidationException)
        {
            return Fail(ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(ex.Message);
        }
    }

    /// <summary>
    /// Runs a command body that uses the database in its own scope (one tenant, one actor), with the schema and
    /// content brought up to date first, and the same error handling as <see cref="Guard"/>.
    /// </summary>
    public async Task<int> GuardDatabaseAsync(Func<IServiceProvider, Task<int>> body, bool migrateFirst = true)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditActor>().Name = "cli:" + Environment.UserName;
            if (migrateFirst)
            {
                await scope.ServiceProvider.GetRequiredService<MigrateDatabaseHandler>().HandleAsync();
            }

            return await body(scope.ServiceProvider);
        }
        catch (Exception ex) when (ex is HarmoniaException or ContentValidationException or IOException or UnauthorizedAccessException)
        {
            return Fail(ex);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Fail("the record was changed by someone else while this command saved; run it again.");
        }
        catch (Exception ex) when (ex is DbException or DbUpdateException or InvalidOperationException { InnerException: DbException })
        {
            return Fail("the database refused the operation: " + (ex.InnerException?.Message ?? ex.Message));
        }
    }

    /// <summary>The first line summarizes; a file with several errors lists the others below it, so one run shows every fix.</summary>
    private int Fail(Exception exception)
    {
        var code = Fail(exception.Message);
        if (exception is ContentValidationException { Errors.Count: > 1 } content)
        {
            foreach (var error in content.Errors.Skip(1).Take(50))
            {
                stderr.WriteLine("  " + error);
            }
        }

        return code;
    }

    public int Fail(string message)
    {
        stderr.WriteLine("error: " + message);
        return HarmoniaCli.Failure;
    }

    /// <summary>Writes to --out (all or nothing: a temporary file renamed into place) or to stdout.</summary>
    public void Emit(string text, string? outPath)
    {
        if (outPath is null)
        {
            stdout.Write(text);
            return;
        }

        WriteAtomically(outPath, temporary => File.WriteAllText(temporary, text));
        stdout.WriteLine($"Wrote {outPath}");
    }

    /// <summary>Writes a binary file to --out, all or nothing.</summary>
    public void EmitFile(byte[] content, string outPath)
    {
        WriteAtomically(outPath, temporary => File.WriteAllBytes(temporary, content));
        stdout.WriteLine($"Wrote {outPath} ({content.Length:N0} bytes)");
    }

    /// <summary>Streams a file to --out, all or nothing: a failed write leaves whatever was there before.</summary>
    public static async Task EmitStreamAsync(string outPath, Func<Stream, Task> write)
    {
        var full = Path.GetFullPath(outPath);
        if (!Directory.Exists(Path.GetDirectoryName(full)))
        {
            throw new InvalidInputException($"Cannot write '{outPath}': the folder '{Path.GetDirectoryName(full)}' does not exist.");
        }

        var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var stream = File.Create(temporary))
            {
                await write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Writes a set of files into a folder so that an interrupted run leaves the previous output as it was: every
    /// file is written and flushed in a staging folder beside them first, then renamed into place (each rename is
    /// atomic and the whole step takes milliseconds). Staging folders of interrupted runs are removed next time.
    /// Other files in the folder are left alone.
    /// </summary>
    public static void WriteFolder(string folder, IReadOnlyList<(string FileName, byte[] Content)> files)
    {
        Directory.CreateDirectory(folder);
        foreach (var stale in Directory.EnumerateDirectories(folder, StagingPrefix + "*"))
        {
            Directory.Delete(stale, recursive: true);
        }

        var staging = Directory.CreateDirectory(Path.Combine(folder, StagingPrefix + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            foreach (var (name, content) in files)
            {
                using var stream = new FileStream(Path.Combine(staging, name), FileMode.CreateNew, FileAccess.Write);
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            foreach (var (name, _) in files)
            {
                File.Move(Path.Combine(staging, name), Path.Combine(folder, name), overwrite: true);
            }
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private const string StagingPrefix = ".harmonia-staging-";

    private static void WriteAtomically(string outPath, Action<string> write)
    {
        var full = Path.GetFullPath(outPath);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new InvalidInputException($"Cannot write '{outPath}': the folder '{directory}' does not exist.");
        }

        var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            write(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
