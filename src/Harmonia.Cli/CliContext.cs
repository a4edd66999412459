using Harmonia.App;
using Harmonia.App.Content;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Harmonia.Cli;

/// <summary>What every command needs: the handlers, the two writers, and one place that turns failures into exit codes.</summary>
internal sealed class CliContext(IServiceProvider services, TextWriter stdout, TextWriter stderr, bool colors)
{
    public TextWriter Out => stdout;

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
        catch (Exception ex) when (ex is HarmoniaInputException or ContentValidationException)
        {
            return Fail(ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Fail(ex.Message);
        }
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

        var full = Path.GetFullPath(outPath);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
        {
            throw new HarmoniaInputException($"Cannot write '{outPath}': the folder '{directory}' does not exist.");
        }

        var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        stdout.WriteLine($"Wrote {outPath}");
    }
}
