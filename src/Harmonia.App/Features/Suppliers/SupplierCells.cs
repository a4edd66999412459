using System.Globalization;
using System.Text.RegularExpressions;
using Harmonia.App.Features.Interop;
using Harmonia.Domain.Suppliers;

namespace Harmonia.App.Features.Suppliers;

/// <summary>
/// The register's columns as text, written by the export and read back by the import, in one place so that an
/// exported file imports into what it came from with nothing changed. Lists are separated by ';' and dates are yyyy-MM-dd.
/// </summary>
public static partial class SupplierCells
{
    public const string Key = "key";
    public const string Name = "name";
    public const string Kind = "kind";
    public const string Tier = "tier";
    public const string Status = "status";
    public const string Services = "services";
    public const string DataProcessed = "dataProcessed";
    public const string AiSystems = "aiSystems";
    public const string Certifications = "certifications";
    public const string Contracts = "contracts";
    public const string Contacts = "contacts";
    public const string SubProcessors = "subProcessors";

    public static IReadOnlyList<ImportField> Fields { get; } =
    [
        new(Key, "Supplier", ["key", "supplier key", "id", "supplier id", "ref", "reference"], Hint: "SUP-n of a supplier in the register; empty to add one (Harmonia numbers it)."),
        new(Name, "Name", ["supplier name", "vendor", "vendor name", "company", "third party"], Hint: "Required for a new supplier."),
        new(Kind, "Kind", ["type", "category", "supplier kind", "supplier type"], Hint: "Cloud service, Software, Data provider, Model or AI service provider, Outsourced process or Other."),
        new(Tier, "Tier", ["criticality", "criticality tier", "risk tier"], Hint: "The name or key of one of the organization's criticality tiers."),
        new(Status, "Status", ["state"], Hint: "Proposed (when empty), Active, Offboarding or Ended."),
        new(Services, "Services", ["service", "services provided", "description"]),
        new(DataProcessed, "Data processed", ["data", "data categories", "data types"]),
        new(AiSystems, "AI systems", ["ai system", "systems"], Hint: "AI system keys with the supplier's role, separated by ';': AI-02 (ai-producer)."),
        new(Certifications, "Certifications", ["certificates", "certification"], Hint: "Separated by ';': ISO/IEC 27001 until 2027-03-31; SOC 2; TISAX."),
        new(Contracts, "Contracts and clauses", ["contracts", "contract", "agreements"], Hint: "Separated by ';': MSA 2025 [from 2025-01-01, until 2027-12-31, renewal 2027-10-01]: security requirements, audit rights."),
        new(Contacts, "Contacts", ["contact", "contact person"], Hint: "Separated by ';': Jane Roe <jane@example.com> (account manager)."),
        new(SubProcessors, "Sub-processors", ["subprocessors", "sub processors"], Hint: "Keys of suppliers in the register, separated by commas."),
        new("lastReview", "Last review", [], ReadOnly: true),
        new("outcome", "Outcome", ["review outcome"], ReadOnly: true),
        new("nextReview", "Next review due", [], ReadOnly: true),
        new("overdue", "Overdue", [], ReadOnly: true),
    ];

    public static string Render(string field, SupplierDto s) => field switch
    {
        Key => s.Key,
        Name => s.Name,
        Kind => s.Kind.ToLabel(),
        Tier => s.Tier.Name,
        Status => s.Status.ToString(),
        Services => s.Services ?? string.Empty,
        DataProcessed => s.DataProcessed ?? string.Empty,
        AiSystems => string.Join("; ", s.AiSystems.Select(a => $"{a.Key} ({a.Role})")),
        Certifications => string.Join("; ", s.Certifications.Select(Certification)),
        Contracts => string.Join("; ", s.Contracts.Select(Contract)),
        Contacts => string.Join("; ", s.Contacts.Select(Contact)),
        SubProcessors => string.Join(", ", s.SubProcessors),
        _ => string.Empty,
    };

    public static string Certification(SupplierCertification c) =>
        SupplierStanding.CertificationName(c) + (c.Expires is { } e ? $" until {Date(e)}" : string.Empty);

    public static string Contract(SupplierContract c)
    {
        var dates = new[]
        {
            c.Starts is { } s ? $"from {Date(s)}" : null,
            c.Ends is { } e ? $"until {Date(e)}" : null,
            c.RenewalOn is { } r ? $"renewal {Date(r)}" : null,
        }.OfType<string>().ToArray();
        return c.Title + (dates.Length > 0 ? $" [{string.Join(", ", dates)}]" : string.Empty) + ": " + string.Join(", ", c.Clauses.Select(x => x.ToLabel()));
    }

    public static string Contact(SupplierContact c) =>
        c.Name + (c.Email is { } email ? $" <{email}>" : string.Empty) + (c.Role is { } role ? $" ({role})" : string.Empty);

    public static SupplierKind? ParseKind(string text) =>
        SupplierVocabulary.Kind(text) ?? Enum.GetValues<SupplierKind>().Select(k => (SupplierKind?)k).FirstOrDefault(k => ImportColumns.Normalize(k!.Value.ToLabel()) == ImportColumns.Normalize(text));

    public static string KindChoices => string.Join(", ", Enum.GetValues<SupplierKind>().Select(k => k.ToLabel()));

    public static string StatusChoices => string.Join(", ", Enum.GetValues<SupplierStatus>());

    /// <summary>"AI-02 (ai-producer); AI-03 (data-provider)".</summary>
    public static IReadOnlyList<SupplierAiSystemInput> ParseAiSystems(string text, List<string> problems)
    {
        var result = new List<SupplierAiSystemInput>();
        foreach (var item in Items(text, ';'))
        {
            var match = AiSystemItem().Match(item);
            if (!match.Success)
            {
                problems.Add($"'{item}' is not an AI system with the supplier's role, e.g. \"AI-02 (ai-producer)\"; the roles are {string.Join(", ", SupplierVocabulary.AiSystemRoles)}.");
                continue;
            }

            result.Add(new SupplierAiSystemInput(match.Groups["key"].Value, match.Groups["role"].Value.Trim()));
        }

        return result;
    }

    /// <summary>"ISO/IEC 27001 until 2027-03-31; SOC 2; TISAX". A certificate already on record keeps its link to the report.</summary>
    public static IReadOnlyList<SupplierCertificationInput> ParseCertifications(string text, IReadOnlyList<SupplierCertification> had, List<string> problems)
    {
        var result = new List<SupplierCertificationInput>();
        foreach (var item in Items(text, ';'))
        {
            var match = CertificationItem().Match(item);
            var name = match.Groups["name"].Value.Trim();
            DateOnly? expires = null;
            if (match.Groups["date"].Success)
            {
                if (ImportColumns.Date(match.Groups["date"].Value) is not { } date)
                {
                    problems.Add($"'{match.Groups["date"].Value}' in '{item}' is not a date; write it as yyyy-mm-dd.");
                    continue;
                }

                expires = date;
            }

            var scheme = SupplierVocabulary.Scheme(name) ?? CertificationScheme.Other;
            var own = scheme == CertificationScheme.Other ? name : null;
            var before = had.FirstOrDefault(c => c.Scheme == scheme && (scheme != CertificationScheme.Other || string.Equals(c.Name, own, StringComparison.OrdinalIgnoreCase)));
            result.Add(new SupplierCertificationInput(scheme.ToToken(), own, expires, before?.EvidenceUrl));
        }

        return result;
    }

    /// <summary>"MSA 2025 [from 2025-01-01, until 2027-12-31, renewal 2027-10-01]: security requirements, audit rights".</summary>
    public static IReadOnlyList<SupplierContractInput> ParseContracts(string text, List<string> problems)
    {
        var result = new List<SupplierContractInput>();
        foreach (var item in Items(text, ';'))
        {
            var colon = item.LastIndexOf(':');
            var head = colon < 0 ? item : item[..colon];
            var clauses = new List<string>();
            foreach (var clause in colon < 0 ? [] : Items(item[(colon + 1)..], ','))
            {
                var known = Enum.GetValues<ContractClause>().Select(c => (ContractClause?)c)
                    .FirstOrDefault(c => ImportColumns.Normalize(c!.Value.ToLabel()) == ImportColumns.Normalize(clause) || SupplierVocabulary.Clause(clause) == c);
                if (known is null)
                {
                    problems.Add($"'{clause}' is not a contract clause; the clauses are {string.Join(", ", Enum.GetValues<ContractClause>().Select(c => c.ToLabel()))}.");
                    continue;
                }

                clauses.Add(known.Value.ToToken());
            }

            var dates = ContractDates().Match(head);
            DateOnly? starts = null, ends = null, renewal = null;
            if (dates.Success)
            {
                head = head[..dates.Index];
                foreach (var part in Items(dates.Groups["dates"].Value, ','))
                {
                    var words = part.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var date = words.Length == 2 ? ImportColumns.Date(words[1]) : null;
                    switch (words.Length == 2 ? words[0].ToLowerInvariant() : string.Empty)
                    {
                        case "from" when date is not null: starts = date; break;
                        case "until" when date is not null: ends = date; break;
                        case "renewal" when date is not null: renewal = date; break;
                        default:
                            problems.Add($"'{part}' in contract '{head.Trim()}' is not 'from', 'until' or 'renewal' with a date (yyyy-mm-dd).");
                            break;
                    }
                }
            }

            result.Add(new SupplierContractInput(head.Trim(), starts, ends, renewal, clauses));
        }

        return result;
    }

    /// <summary>"Jane Roe &lt;jane@example.com&gt; (account manager)".</summary>
    public static IReadOnlyList<SupplierContactInput> ParseContacts(string text)
    {
        var result = new List<SupplierContactInput>();
        foreach (var item in Items(text, ';'))
        {
            var match = ContactItem().Match(item);
            result.Add(match.Success
                ? new SupplierContactInput(match.Groups["name"].Value.Trim(), match.Groups["role"].Success ? match.Groups["role"].Value.Trim() : null, match.Groups["email"].Success ? match.Groups["email"].Value.Trim() : null)
                : new SupplierContactInput(item, null, null));
        }

        return result;
    }

    public static IReadOnlyList<string> ParseKeys(string text) => Items(text.Replace(';', ','), ',');

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string[] Items(string text, char separator) =>
        text.Replace('\n', separator).Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9][A-Za-z0-9._-]*)\s*\((?<role>[^)]+)\)$")]
    private static partial Regex AiSystemItem();

    [GeneratedRegex(@"^(?<name>.+?)(\s+until\s+(?<date>\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex CertificationItem();

    [GeneratedRegex(@"\[(?<dates>[^\]]*)\]\s*$")]
    private static partial Regex ContractDates();

    [GeneratedRegex(@"^(?<name>[^<(]+?)\s*(<(?<email>[^>]*)>)?\s*(\((?<role>[^)]*)\))?$")]
    private static partial Regex ContactItem();
}
