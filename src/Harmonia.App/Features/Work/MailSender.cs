using Harmonia.App.Common;
using MailKit.Net.Smtp;
using MimeKit;

namespace Harmonia.App.Features.Work;

/// <summary>Hands one message to the SMTP server; throws when the server refuses or cannot be reached.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>MailKit over the configured server, one connection per message: a connection broken by one message must not fail the next.</summary>
public sealed class SmtpMailSender(MailSettings settings) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var activity = HarmoniaTelemetry.StartMail(settings.Host);
        var outcome = "failed";
        try
        {
            using var client = new SmtpClient { Timeout = 30_000 };
            await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("Mail:Host is not set."), settings.Port, settings.Security, cancellationToken);
            if (settings.UserName is not null)
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            outcome = "sent";
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        finally
        {
            HarmoniaTelemetry.MailFinished(activity, outcome);
        }
    }
}
