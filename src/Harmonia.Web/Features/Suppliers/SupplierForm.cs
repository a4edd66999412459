using System.Globalization;
using Harmonia.App.Common;
using Harmonia.App.Features.Suppliers;
using Harmonia.Domain.Suppliers;

namespace Harmonia.Web.Features.Suppliers;

/// <summary>
/// The supplier form as text: one field per value, and one line per contact, certification, contract or AI system
/// with its parts separated by "|". A refused form comes back with these texts exactly as typed.
/// </summary>
internal static class SupplierForm
{
    public static readonly string[] Fields =
        ["name", "services", "kind", "tier", "dataProcessed", "status", "contacts", "certifications", "contracts", "aiSystems", "risks", "controls", "subProcessors", "evidence", "accessRemovedOn", "dataReturnedOn", "dataDeletedOn"];

    public static IReadOnlyDictionary<string, string> Values(IFormCollection form) =>
        Fields.ToDictionary(f => f, f => form[f].ToString(), StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, string> Values(SupplierDto s) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["name"] = s.Name,
        ["services"] = s.Services ?? string.Empty,
        ["kind"] = s.Kind.ToToken(),
        ["tier"] = s.Tier.Key,
        ["dataProcessed"] = s.DataProcessed ?? string.Empty,
        ["status"] = s.Status.ToToken(),
        ["contacts"] = string.Join('\n', s.Contacts.Select(c => Join(c.Name, c.Role, c.Email))),
        ["certifications"] = string.Join('\n', s.Certifications.Select(c => Join(c.Scheme.ToToken(), Date(c.Expires), c.EvidenceUrl, c.Name))),
        ["contracts"] = string.Join('\n', s.Contracts.Select(c => Join(c.Title, Date(c.Starts), Date(c.Ends), Date(c.RenewalOn), string.Join(", ", c.Clauses.Select(x => x.ToToken()))))),
        ["aiSystems"] = string.Join('\n', s.AiSystems.Select(a => Join(a.Key, a.Role))),
        ["risks"] = string.Join(", ", s.Risks),
        ["controls"] = string.Join(", ", s.Controls),
        ["subProcessors"] = string.Join(", ", s.SubProcessors),
        ["evidence"] = string.Join(", ", s.Evidence.Select(e => e.Id)),
        ["accessRemovedOn"] = Date(s.Offboarding.AccessRemovedOn),
        ["dataReturnedOn"] = Date(s.Offboarding.DataReturnedOn),
        ["dataDeletedOn"] = Date(s.Offboarding.DataDeletedOn),
    };

    /// <summary>Reads the texts into an input; a line or date that cannot be read is a field error naming it.</summary>
    public static SupplierInput Read(IReadOnlyDictionary<string, string> v)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? Text(string field) => v.GetValueOrDefault(field) is { Length: > 0 } t && !string.IsNullOrWhiteSpace(t) ? t.Trim() : null;
        DateOnly? DateOf(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors[field] = [$"'{text.Trim()}' is not a date (YYYY-MM-DD)."];
            return null;
        }

        string?[] Parts(string line, int count)
        {
            var parts = line.Split('|').Select(p => p.Trim()).Select(p => p.Length == 0 ? null : p).ToList();
            while (parts.Count < count)
            {
                parts.Add(null);
            }

            return [.. parts];
        }

        IEnumerable<string> Lines(string field) => (v.GetValueOrDefault(field) ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        static string[] Keys(string? text) => (text ?? string.Empty).Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var contacts = Lines("contacts").Select(l => Parts(l, 3)).Select(p => new SupplierContactInput(p[0], p[1], p[2])).ToArray();
        var certifications = Lines("certifications").Select(l => Parts(l, 4)).Select(p => new SupplierCertificationInput(p[0], p[3], DateOf("certifications", p[1]), p[2])).ToArray();
        var contracts = Lines("contracts").Select(l => Parts(l, 5))
            .Select(p => new SupplierContractInput(p[0], DateOf("contracts", p[1]), DateOf("contracts", p[2]), DateOf("contracts", p[3]), Keys(p[4]))).ToArray();
        var systems = Lines("aiSystems").Select(l => Parts(l, 2)).Select(p => new SupplierAiSystemInput(p[0], p[1])).ToArray();
        var evidence = new List<Guid>();
        foreach (var id in Keys(Text("evidence")))
        {
            if (Guid.TryParse(id, out var guid))
            {
                evidence.Add(guid);
            }
            else
            {
                errors["evidence"] = [$"'{id}' is not an evidence id."];
            }
        }

        var offboarding = new SupplierOffboardingInput(DateOf("accessRemovedOn", Text("accessRemovedOn")), DateOf("dataReturnedOn", Text("dataReturnedOn")), DateOf("dataDeletedOn", Text("dataDeletedOn")));
        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new SupplierInput(Text("name"), Text("services"), Text("kind"), Text("tier"), Text("dataProcessed"), Text("status"), contacts, certifications, contracts, offboarding,
            systems, Keys(Text("risks")), Keys(Text("controls")), evidence, Keys(Text("subProcessors")));
    }

    private static string Join(params string?[] parts) => string.Join(" | ", parts.Select(p => p ?? string.Empty)).TrimEnd(' ', '|');

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
