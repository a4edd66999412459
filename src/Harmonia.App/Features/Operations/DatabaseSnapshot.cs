using System.Data.Common;
using System.Globalization;

namespace Harmonia.App.Features.Operations;

/// <summary>
/// Figures read from one consistent view of a database with plain SQL, so they describe the copied data exactly:
/// the rows of every table the database itself lists (not only the ones today's model knows), the newest migration,
/// and the file addresses the file columns name.
/// </summary>
internal static class DatabaseSnapshot
{
    public static async Task<Dictionary<string, long>> CountTablesAsync(DbConnection connection, DbTransaction? transaction, bool sqlite, CancellationToken cancellationToken)
    {
        var tables = await ListAsync(connection, transaction, sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name", cancellationToken);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = Command(connection, transaction, $"SELECT COUNT(*) FROM {Quote(table)}");
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        return counts;
    }

    public static async Task<string> LatestMigrationAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        (await ListAsync(connection, transaction, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" DESC LIMIT 1", cancellationToken)).SingleOrDefault() ?? string.Empty;

    public static async Task<IReadOnlyList<string>> FileAddressesAsync(DbConnection connection, DbTransaction? transaction, IReadOnlyList<StoredFileColumns.Column> columns, CancellationToken cancellationToken)
    {
        var addresses = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            foreach (var value in await ListAsync(connection, transaction, $"SELECT DISTINCT {Quote(column.Name)} FROM {Quote(column.Table)} WHERE {Quote(column.Name)} IS NOT NULL", cancellationToken))
            {
                addresses.Add(value.ToLowerInvariant());
            }
        }

        return addresses.ToArray();
    }

    public static async Task<bool> HasTablesAsync(DbConnection connection, bool sqlite, CancellationToken cancellationToken) =>
        (await CountTablesAsync(connection, null, sqlite, cancellationToken)).Count > 0;

    private static async Task<List<string>> ListAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    // Names come from the database's own catalog or the EF model, never from input; quoting keeps mixed case intact.
    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
