using System.Diagnostics;
using Harmonia.App.Common;
using Npgsql;

namespace Harmonia.App.Features.Operations;

/// <summary>
/// Runs PostgreSQL's own pg_dump and pg_restore: they know every object type of the server, which a copy made
/// through the application would not (sequences, indexes, the migration history). The password travels in the
/// child's environment, never on its command line where other users of the machine could read it.
/// </summary>
public static class PostgresTools
{
    /// <summary>The program: <c>HARMONIA_PG_BIN</c> when set, else the PATH, else the newest Debian server folder.</summary>
    public static string Find(string program)
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("HARMONIA_PG_BIN") is { Length: > 0 } configured)
        {
            candidates.Add(Path.Combine(configured, program));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(p => Path.Combine(p, program)));
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin", program)));
        }

        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidInputException($"{program} was not found (PATH, /usr/lib/postgresql/*/bin, or HARMONIA_PG_BIN): install the PostgreSQL client programs of the server's version.");
    }

    /// <summary>Runs the program against the database of <paramref name="connectionString"/>; a non-zero exit is an error naming what it printed.</summary>
    public static async Task RunAsync(string program, IEnumerable<string> arguments, string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(Find(program)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = connection.Host ?? "127.0.0.1";
        start.Environment["PGPORT"] = connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = connection.Username ?? Environment.UserName;
        start.Environment["PGDATABASE"] = connection.Database ?? connection.Username ?? "postgres";
        if (!string.IsNullOrEmpty(connection.Password))
        {
            start.Environment["PGPASSWORD"] = connection.Password;
        }

        start.Environment["PGSSLMODE"] = connection.SslMode switch
        {
            SslMode.Disable => "disable",
            SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca",
            SslMode.VerifyFull => "verify-full",
            _ => "prefer",
        };

        using var process = Process.Start(start) ?? throw new InvalidInputException($"{program} could not be started.");
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var message = (await errors).Trim();
        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidInputException($"{program} failed (exit {process.ExitCode}): {(message.Length > 600 ? message[..600] : message)}");
        }
    }
}
