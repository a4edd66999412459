using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Harmonia.Domain.Catalogs;

namespace Harmonia.App.Features.Interop;

/// <summary>
/// Identifiers in OSCAL documents. UUIDs are name-based (RFC 4122 version 5) from what they identify, so every
/// export of the same thing carries the same UUID and a consumer can follow it across versions; control ids are
/// OSCAL tokens made from our requirement numbers ("4.1" becomes "clause-4.1", "A.5.2" stays).
/// </summary>
public static partial class OscalIds
{
    public const string OscalVersion = "1.2.2";

    /// <summary>Our namespace for properties OSCAL does not define (strength, requirement id, result).</summary>
    public const string Namespace = "urn:harmonia:oscal";

    // A fixed random namespace for Harmonia's name-based UUIDs; never change it, or every exported UUID changes.
    private static readonly Guid UuidNamespace = new("6f0d3c9e-4b1a-4d55-9a1e-2c7b8f3e5a10");

    public static string Uuid(string name)
    {
        var ns = UuidNamespace.ToByteArray(bigEndian: true);
        // RFC 4122 defines version 5 with SHA-1; it names, it does not protect, so its weakness does not matter here.
#pragma warning disable CA5350
        var bytes = SHA1.HashData([.. ns, .. Encoding.UTF8.GetBytes(name)]);
#pragma warning restore CA5350
        var uuid = bytes.AsSpan(0, 16).ToArray();
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true).ToString("D");
    }

    /// <summary>The OSCAL control id of a requirement, unique within its framework.</summary>
    public static string Control(Requirement requirement) => Token(requirement.Ref, requirement.Kind == RequirementKind.Clause ? "clause-" : "req-");

    public static string Group(RequirementGroup group) => Token(group.Id, "group-");

    /// <summary>An NCName: letters, digits, '.', '-', '_', starting with a letter or '_'.</summary>
    public static string Token(string value, string prefixWhenNeeded)
    {
        var cleaned = Invalid().Replace(value.Trim(), "_");
        return cleaned.Length > 0 && (char.IsLetter(cleaned[0]) || cleaned[0] == '_') ? cleaned : prefixWhenNeeded + cleaned;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}._\-]", RegexOptions.None, 1000)]
    private static partial Regex Invalid();
}
