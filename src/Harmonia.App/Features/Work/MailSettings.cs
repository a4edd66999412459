using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace Harmonia.App.Features.Work;

/// <summary>
/// The SMTP server reminders go through (Mail:Host, Mail:Port, Mail:From, Mail:Security, Mail:UserName,
/// Mail:Password) and the address links in messages start with (App:PublicUrl). Without Mail:Host no e-mail is sent
/// and reminders show in the app only.
/// </summary>
public sealed record MailSettings(string? Host, int Port, MailboxAddress? From, SecureSocketOptions Security, string? UserName, string? Password, Uri PublicUrl)
{
    public bool IsConfigured => Host is not null && From is not null;

    /// <summary>Reads and checks the settings; a wrong value stops the server at start rather than failing every send later.</summary>
    public static MailSettings Read(IConfiguration configuration)
    {
        var host = configuration["Mail:Host"]?.Trim();
        host = string.IsNullOrEmpty(host) ? null : host;
        var port = configuration.GetValue<int?>("Mail:Port") ?? 587;
        if (port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"Mail:Port must be a port number from 1 to 65535; it is {port}.");
        }

        MailboxAddress? from = null;
        var fromText = configuration["Mail:From"];
        if (!string.IsNullOrWhiteSpace(fromText) && !MailboxAddress.TryParse(fromText.Trim(), out from))
        {
            throw new InvalidOperationException($"Mail:From must be an address like \"Harmonia <harmonia@example.org>\"; it is '{fromText}'.");
        }

        if (host is not null && from is null)
        {
            throw new InvalidOperationException("Mail:Host is set but Mail:From is not: name the sender address reminders come from.");
        }

        var securityText = configuration["Mail:Security"];
        var security = SecureSocketOptions.Auto;
        if (!string.IsNullOrWhiteSpace(securityText) && !Enum.TryParse(securityText.Trim(), ignoreCase: true, out security))
        {
            throw new InvalidOperationException($"Mail:Security is one of None, Auto, StartTls, StartTlsWhenAvailable, SslOnConnect; it is '{securityText}'.");
        }

        var publicUrl = configuration["App:PublicUrl"];
        var link = string.IsNullOrWhiteSpace(publicUrl) ? new Uri("http://localhost:5080") : new Uri(publicUrl.Trim().TrimEnd('/'));
        return new MailSettings(host, port, from, security, Empty(configuration["Mail:UserName"]), Empty(configuration["Mail:Password"]), link);
    }

    public string Absolute(string? link) => link is null ? PublicUrl.GetLeftPart(UriPartial.Authority) : PublicUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + link;

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
