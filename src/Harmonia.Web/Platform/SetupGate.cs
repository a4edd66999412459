using System.Security.Cryptography;
using System.Text;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.Web.Platform;

/// <summary>
/// First run without any account: a one-time setup link is printed to the console at start. Whoever holds it
/// creates the first account; the link then stops working. There is no default password anywhere.
/// </summary>
internal sealed partial class SetupGate(ILogger<SetupGate> logger)
{
    private readonly Lock _lock = new();
    private byte[]? _tokenHash;

    public async Task OpenIfNoAccountsAsync(IServiceProvider services, string baseUrl)
    {
        await using var scope = services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().Users.AnyAsync())
        {
            return;
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (_lock)
        {
            _tokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        }

        var link = $"{baseUrl.TrimEnd('/')}/setup?token={token}";
        PendingLink = link;
        LogSetupLink(logger, link);
        Console.WriteLine($"First run: open {link} to create the first account (the link works once).");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No account exists yet. Open this one-time link to create the first one: {SetupLink}")]
    private static partial void LogSetupLink(ILogger logger, string setupLink);

    /// <summary>The link printed at start, while it is unused (the browser tests follow it like an operator would).</summary>
    internal string? PendingLink { get; private set; }

    /// <summary>True while the first account has not been created through the setup link.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_lock)
            {
                return _tokenHash is not null;
            }
        }
    }

    /// <summary>Checks the token without consuming it (the form is shown first, then submitted).</summary>
    public bool Accepts(string? token)
    {
        lock (_lock)
        {
            return token is not null && _tokenHash is not null
                && CryptographicOperations.FixedTimeEquals(_tokenHash, SHA256.HashData(Encoding.UTF8.GetBytes(token)));
        }
    }

    /// <summary>Consumes the token: true exactly once.</summary>
    public bool TryConsume(string? token)
    {
        lock (_lock)
        {
            if (!Accepts(token))
            {
                return false;
            }

            _tokenHash = null;
            PendingLink = null;
            return true;
        }
    }
}
