using System.Net;
using System.Net.Sockets;

namespace Harmonia.App.Features.Webhooks;

/// <summary>Raised when a webhook's host name resolves only to addresses the policy refuses.</summary>
public sealed class WebhookAddressRefusedException(string message) : Exception(message);

/// <summary>
/// The one HTTP client that sends webhooks. It connects itself (ConnectCallback), so the address actually dialled is
/// the one checked against the policy: a name that resolves inside, or changes between the check and the connection
/// (DNS rebinding), is refused. No proxy (it would hide the address), no redirects (a receiver could point one inside),
/// no cookies.
/// </summary>
public sealed class WebhookTransport : IDisposable
{
    public WebhookTransport(WebhookSettings settings)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            ConnectTimeout = settings.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
                var allowed = addresses.Where(settings.Addresses.IsAllowed).ToArray();
                if (allowed.Length == 0)
                {
                    throw new WebhookAddressRefusedException(addresses.Length == 0
                        ? $"{host} does not resolve to any address."
                        : $"Not sent: {host} resolves to {addresses[0]}, which is inside a private, loopback or reserved network; this server does not send events there unless its operator allows that network (Webhooks:AllowedNetworks).");
                }

                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        Client = new HttpClient(handler) { Timeout = settings.Timeout };
        Client.DefaultRequestHeaders.UserAgent.ParseAdd("Harmonia-Webhooks/1.0");
    }

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}
