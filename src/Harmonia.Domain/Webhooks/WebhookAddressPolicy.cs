using System.Net;
using System.Net.Sockets;

namespace Harmonia.Domain.Webhooks;

/// <summary>
/// Where webhooks may be sent. A webhook is a request the server makes on an Owner's behalf, so an address inside the
/// server's own networks (loopback, private ranges, link-local cloud metadata, carrier-grade NAT, multicast, reserved)
/// would let an Owner probe or call what only the server can reach. Such addresses are refused unless the operator
/// names the network in configuration; the check runs on the typed address when it is saved and again on every address
/// the name resolves to when a delivery connects, so a name that later points inside is still refused.
/// </summary>
public sealed class WebhookAddressPolicy
{
    public const int MaxUrlLength = 2000;

    private static readonly IPNetwork[] Blocked =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.88.99.0/24"), IPNetwork.Parse("192.168.0.0/16"), IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("64:ff9b::/96"), IPNetwork.Parse("64:ff9b:1::/48"),
        IPNetwork.Parse("100::/64"), IPNetwork.Parse("2001:db8::/32"), IPNetwork.Parse("2002::/16"), IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("ff00::/8"),
    ];

    public WebhookAddressPolicy(bool allowHttp, IReadOnlyList<IPNetwork> allowedNetworks)
    {
        AllowHttp = allowHttp;
        AllowedNetworks = allowedNetworks;
    }

    public static WebhookAddressPolicy Strict { get; } = new(false, []);

    /// <summary>Plain http is for test rigs and closed networks only: a signature proves the sender, not secrecy.</summary>
    public bool AllowHttp { get; }

    /// <summary>Networks the operator opened although they are internal (e.g. 127.0.0.1/32 in the tests).</summary>
    public IReadOnlyList<IPNetwork> AllowedNetworks { get; }

    /// <summary>Reads "Webhooks:AllowedNetworks"-style text: CIDR blocks or single addresses, separated by commas or spaces.</summary>
    public static IReadOnlyList<IPNetwork> ParseNetworks(string? text)
    {
        var networks = new List<IPNetwork>();
        foreach (var part in (text ?? string.Empty).Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPNetwork.TryParse(part, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(part, out var single))
            {
                networks.Add(new IPNetwork(single, single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                throw new FormatException($"'{part}' is neither an address nor a network in CIDR form (e.g. 10.1.0.0/16).");
            }
        }

        return networks;
    }

    /// <summary>Null when the address may be registered; otherwise the reason, in a sentence.</summary>
    public string? Refusal(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Enter the address the events are sent to.";
        }

        if (url.Length > MaxUrlLength)
        {
            return $"The address is longer than {MaxUrlLength} characters.";
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return "The address is not a web address; it should look like https://hooks.example.com/harmonia.";
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(AllowHttp && uri.Scheme == Uri.UriSchemeHttp))
        {
            return AllowHttp ? "The address must start with https:// or http://." : "The address must start with https:// (this server sends events over encrypted connections only).";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The address must not carry a user name or password; the signature proves the events come from Harmonia.";
        }

        if (!string.IsNullOrEmpty(uri.Fragment))
        {
            return "The address must not end with a #fragment, which is never sent.";
        }

        var host = uri.IdnHost.TrimEnd('.');
        if (IPAddress.TryParse(host, out var literal))
        {
            return IsAllowed(literal) ? null : Internal(literal.ToString());
        }

        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IsAllowed(IPAddress.Loopback) ? null : Internal(host);
        }

        return null;
    }

    /// <summary>Whether a delivery may connect to this address (every address a name resolves to is checked).</summary>
    public bool IsAllowed(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (AllowedNetworks.Any(n => n.Contains(address)))
        {
            return true;
        }

        return !Blocked.Any(n => n.BaseAddress.AddressFamily == address.AddressFamily && n.Contains(address));
    }

    public static string Internal(string host) =>
        $"{host} is inside a private, loopback or reserved network; this server does not send events there unless its operator allows that network (Webhooks:AllowedNetworks).";
}
