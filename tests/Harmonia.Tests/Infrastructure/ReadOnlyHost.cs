using Harmonia.App.Persistence;

namespace Harmonia.Tests.Infrastructure;

/// <summary>
/// One web app on SQLite shared by every test of a class that only reads (xunit class fixture): those tests must not
/// change anything, so starting a host and a database per test would only cost time.
/// </summary>
public sealed class ReadOnlyHost : IAsyncLifetime
{
    internal ApiHost Host { get; private set; } = null!;

    // The API description is off by default outside Development; the read-only tests read it.
    public async Task InitializeAsync() => Host = await ApiHost.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string> { ["Api:PublishDocs"] = "true" });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
