using Harmonia.App.Common;

namespace Harmonia.App.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database to use. Configuration keys: <c>Database:Provider</c> (Sqlite or Postgres) and
/// <c>ConnectionStrings:Harmonia</c>; as environment variables <c>Database__Provider</c> and
/// <c>ConnectionStrings__Harmonia</c>. Default: SQLite in <c>data/harmonia.db</c> under the working folder.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteFile = "data/harmonia.db";

    public static DatabaseSettings From(string? provider, string? connectionString)
    {
        var chosen = provider?.Trim().ToLowerInvariant() switch
        {
            null or "" or "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidInputException($"Unknown database provider '{provider}'. Use Sqlite (default) or Postgres."),
        };
        if (chosen == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidInputException("Database:Provider is Postgres but ConnectionStrings:Harmonia is empty.");
        }

        return new DatabaseSettings(chosen, string.IsNullOrWhiteSpace(connectionString) ? $"Data Source={DefaultSqliteFile}" : connectionString);
    }

    public static DatabaseSettings FromEnvironment() =>
        From(Environment.GetEnvironmentVariable("Database__Provider"), Environment.GetEnvironmentVariable("ConnectionStrings__Harmonia"));
}
