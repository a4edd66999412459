using Harmonia.Domain.Certification;
using YamlDotNet.RepresentationModel;

namespace Harmonia.App.Content;

/// <summary>
/// Reads <c>certification/audit-time.yaml</c>: every table the audit-time estimate uses, with sources and the date
/// checked. Like the catalogs, unknown keys, missing values, bands out of order and a reduction cap above what the
/// integrated-audit rule allows are errors with file, line and column.
/// </summary>
internal static class AuditTimeTableReader
{
    public const string Path = "certification/audit-time.yaml";

    /// <summary>IAF MD 11 never allows more than this reduction for integration.</summary>
    private const double IntegrationCap = 20;

    private static readonly Dictionary<string, Complexity> Levels = new(StringComparer.Ordinal)
    {
        ["low"] = Complexity.Low,
        ["medium"] = Complexity.Medium,
        ["high"] = Complexity.High,
    };

    public static AuditTimeTables? Read(YamlFile yaml, YamlMappingNode root)
    {
        yaml.AllowOnly(root, "checked", "caution", "cycle", "isms", "aims", "integration");
        var checkedOn = yaml.OptionalDate(root, "checked");
        if (checkedOn is null)
        {
            yaml.Error(YamlFile.Get(root, "checked") ?? root, "the tables need 'checked': the date their sources were last checked (yyyy-mm-dd)");
        }

        var caution = yaml.RequiredString(root, "caution", "the tables");
        if (caution is not null && !caution.Contains("certification body", StringComparison.OrdinalIgnoreCase))
        {
            yaml.Error(YamlFile.Get(root, "caution")!, "'caution' must tell the reader to verify the figures with their certification body");
        }

        var cycle = Section(yaml, root, "cycle") is { } c ? Cycle(yaml, c) : null;
        var isms = Section(yaml, root, "isms") is { } i ? Isms(yaml, i) : null;
        var aims = Section(yaml, root, "aims") is { } a ? Aims(yaml, a) : null;
        var integration = Section(yaml, root, "integration") is { } g ? Integration(yaml, g) : null;
        return checkedOn is null || caution is null || cycle is null || isms is null || aims is null || integration is null
            ? null
            : new AuditTimeTables(checkedOn.Value, caution, cycle, isms, aims, integration);
    }

    private static YamlMappingNode? Section(YamlFile yaml, YamlMappingNode map, string key)
    {
        switch (YamlFile.Get(map, key))
        {
            case YamlMappingNode section:
                return section;
            case null:
                yaml.Error(map, $"missing '{key}'");
                return null;
            case var other:
                yaml.Error(other, $"'{key}' must be a mapping of keys to values");
                return null;
        }
    }

    private static double? Number(YamlFile yaml, YamlMappingNode map, string key, double min, double max)
    {
        var value = yaml.OptionalNumber(map, key, min, max);
        if (value is null && YamlFile.Get(map, key) is null)
        {
            yaml.Error(map, $"missing '{key}'");
        }

        return value;
    }

    private static CycleShares? Cycle(YamlFile yaml, YamlMappingNode map)
    {
        yaml.AllowOnly(map, "stage1Percent", "surveillancePercent", "recertificationPercent", "sources");
        var stage1 = Number(yaml, map, "stage1Percent", 1, 99);
        var surveillance = Number(yaml, map, "surveillancePercent", 1, 100);
        var recertification = Number(yaml, map, "recertificationPercent", 1, 100);
        var sources = Sources(yaml, map);
        return stage1 is null || surveillance is null || recertification is null ? null : new CycleShares(stage1.Value, surveillance.Value, recertification.Value, sources);
    }

    private static IsmsTable? Isms(YamlFile yaml, YamlMappingNode map)
    {
        yaml.AllowOnly(map, "framework", "method", "sources", "bands", "beyond", "complexity", "sites", "floorPercent", "ceilingPercent");
        var framework = Framework(yaml, map, "iso27001-2022");
        var method = yaml.RequiredString(map, "method", "the ISMS table");
        var sources = Sources(yaml, map);
        var headcount = Headcount(yaml, map);
        var complexity = ComplexityTable(yaml, map);
        var sites = Sites(yaml, map);
        var floor = Number(yaml, map, "floorPercent", -100, 0);
        var ceiling = Number(yaml, map, "ceilingPercent", 0, 500);
        return framework is null || method is null || headcount is null || complexity is null || sites is null || floor is null || ceiling is null
            ? null
            : new IsmsTable(framework, method, sources, headcount, complexity, sites, floor.Value, ceiling.Value);
    }

    private static AimsTable? Aims(YamlFile yaml, YamlMappingNode map)
    {
        yaml.AllowOnly(map, "framework", "method", "sources", "bands", "beyond", "roles", "highRiskPercent", "manySystems", "sites", "floorPercent", "ceilingPercent");
        var framework = Framework(yaml, map, "iso42001-2023");
        var method = yaml.RequiredString(map, "method", "the AIMS table");
        var sources = Sources(yaml, map);
        var headcount = Headcount(yaml, map);
        var roles = Section(yaml, map, "roles") is { } r ? Roles(yaml, r) : null;
        var highRisk = Number(yaml, map, "highRiskPercent", 0, 100);
        int? over = null;
        double? many = null;
        if (Section(yaml, map, "manySystems") is { } m)
        {
            yaml.AllowOnly(m, "over", "percent");
            over = (int?)Number(yaml, m, "over", 1, 10_000);
            many = Number(yaml, m, "percent", 0, 100);
        }

        var sites = Sites(yaml, map);
        var floor = Number(yaml, map, "floorPercent", -100, 0);
        var ceiling = Number(yaml, map, "ceilingPercent", 0, 500);
        return framework is null || method is null || headcount is null || roles is null || highRisk is null || over is null || many is null || sites is null || floor is null || ceiling is null
            ? null
            : new AimsTable(framework, method, sources, headcount, roles, highRisk.Value, over.Value, many.Value, sites, floor.Value, ceiling.Value);
    }

    private static string? Framework(YamlFile yaml, YamlMappingNode map, string expected)
    {
        var framework = yaml.RequiredString(map, "framework", "the table");
        if (framework is not null && framework != expected)
        {
            yaml.Error(YamlFile.Get(map, "framework")!, $"this table is for '{expected}', not '{framework}'");
            return null;
        }

        return framework;
    }

    private static List<TableSource> Sources(YamlFile yaml, YamlMappingNode map)
    {
        var sources = new List<TableSource>();
        foreach (var item in yaml.Items(map, "sources", required: true))
        {
            yaml.AllowOnly(item, "text", "url", "verified");
            var text = yaml.RequiredString(item, "text", "a source");
            var verified = Flag(yaml, item, "verified");
            if (text is not null && verified is not null)
            {
                sources.Add(new TableSource(text, yaml.OptionalString(item, "url"), verified.Value));
            }
        }

        if (sources.Count == 0 && YamlFile.Get(map, "sources") is { } node)
        {
            yaml.Error(node, "every table names at least one source");
        }

        return sources;
    }

    private static bool? Flag(YamlFile yaml, YamlMappingNode map, string key)
    {
        switch (yaml.OptionalString(map, key))
        {
            case "true":
                return true;
            case "false":
                return false;
            case null:
                yaml.Error(YamlFile.Get(map, key) ?? map, $"'{key}' (true or false) is required");
                return null;
            case var other:
                yaml.Error(YamlFile.Get(map, key)!, $"'{key}' must be true or false, not '{other}'");
                return null;
        }
    }

    private static HeadcountTable? Headcount(YamlFile yaml, YamlMappingNode map)
    {
        var bands = new List<AuditTimeBand>();
        var ok = true;
        foreach (var item in yaml.Items(map, "bands", required: true))
        {
            yaml.AllowOnly(item, "upTo", "days", "verified");
            var upTo = Number(yaml, item, "upTo", 1, 10_000_000);
            var days = Number(yaml, item, "days", 0.5, 1000);
            var verified = Flag(yaml, item, "verified");
            if (upTo is null || days is null || verified is null || upTo != Math.Floor(upTo.Value))
            {
                if (upTo is { } u && u != Math.Floor(u))
                {
                    yaml.Error(item, "'upTo' must be a whole number of persons");
                }

                ok = false;
                continue;
            }

            if (bands.Count > 0 && (upTo <= bands[^1].UpTo || days < bands[^1].Days))
            {
                yaml.Error(item, $"bands must grow: up to {upTo} persons follows up to {bands[^1].UpTo} and cannot have fewer days than {bands[^1].Days}");
                ok = false;
            }

            bands.Add(new AuditTimeBand((int)upTo.Value, days.Value, verified.Value));
        }

        if (bands.Count == 0)
        {
            ok = false;
        }

        if (Section(yaml, map, "beyond") is not { } beyond)
        {
            return null;
        }

        yaml.AllowOnly(beyond, "persons", "days");
        var persons = Number(yaml, beyond, "persons", 1, 1_000_000);
        var more = Number(yaml, beyond, "days", 0, 100);
        return ok && persons is not null && more is not null ? new HeadcountTable(bands, (int)persons.Value, more.Value) : null;
    }

    private static Dictionary<Complexity, IReadOnlyDictionary<Complexity, double>>? ComplexityTable(YamlFile yaml, YamlMappingNode map)
    {
        if (Section(yaml, map, "complexity") is not { } table)
        {
            return null;
        }

        yaml.AllowOnly(table, [.. Levels.Keys]);
        var result = new Dictionary<Complexity, IReadOnlyDictionary<Complexity, double>>();
        foreach (var (name, business) in Levels)
        {
            if (Section(yaml, table, name) is not { } row)
            {
                continue;
            }

            yaml.AllowOnly(row, [.. Levels.Keys]);
            var cells = new Dictionary<Complexity, double>();
            foreach (var (column, it) in Levels)
            {
                if (Number(yaml, row, column, -100, 500) is { } percent)
                {
                    cells[it] = percent;
                }
            }

            if (cells.Count == Levels.Count)
            {
                result[business] = cells;
            }
        }

        return result.Count == Levels.Count ? result : null;
    }

    private static SiteRule? Sites(YamlFile yaml, YamlMappingNode map)
    {
        if (Section(yaml, map, "sites") is not { } sites)
        {
            return null;
        }

        yaml.AllowOnly(sites, "perAdditionalSitePercent", "maxPercent");
        var per = Number(yaml, sites, "perAdditionalSitePercent", 0, 100);
        var max = Number(yaml, sites, "maxPercent", 0, 500);
        return per is null || max is null ? null : new SiteRule(per.Value, max.Value);
    }

    private static Dictionary<AiRoleCategory, double>? Roles(YamlFile yaml, YamlMappingNode map)
    {
        var names = new Dictionary<string, AiRoleCategory>(StringComparer.Ordinal)
        {
            ["producer"] = AiRoleCategory.Producer,
            ["single-other-role"] = AiRoleCategory.SingleOtherRole,
            ["multiple-roles"] = AiRoleCategory.MultipleRoles,
        };
        yaml.AllowOnly(map, [.. names.Keys]);
        var roles = new Dictionary<AiRoleCategory, double>();
        foreach (var (name, role) in names)
        {
            if (Number(yaml, map, name, 0.5, 1000) is { } days)
            {
                roles[role] = days;
            }
        }

        return roles.Count == names.Count ? roles : null;
    }

    private static IntegrationTable? Integration(YamlFile yaml, YamlMappingNode map)
    {
        yaml.AllowOnly(map, "maxReductionPercent", "sources", "criteria");
        var max = Number(yaml, map, "maxReductionPercent", 0, IntegrationCap);
        var sources = Sources(yaml, map);
        var criteria = new List<IntegrationCriterionRule>();
        foreach (var item in yaml.Items(map, "criteria", required: true))
        {
            yaml.AllowOnly(item, "id", "title", "percent");
            var id = yaml.RequiredString(item, "id", "a criterion");
            var title = yaml.RequiredString(item, "title", $"criterion '{id}'");
            var percent = Number(yaml, item, "percent", 0, IntegrationCap);
            if (id is not null && !AuditTimeTables.KnownCriteria.Contains(id))
            {
                yaml.Error(YamlFile.Get(item, "id")!, $"unknown criterion '{id}' (Harmonia derives: {string.Join(", ", AuditTimeTables.KnownCriteria)})");
                continue;
            }

            if (id is not null && criteria.Any(c => c.Id == id))
            {
                yaml.Error(item, $"duplicate criterion '{id}'");
                continue;
            }

            if (id is not null && title is not null && percent is not null)
            {
                criteria.Add(new IntegrationCriterionRule(id, title, percent.Value));
            }
        }

        return max is null ? null : new IntegrationTable(max.Value, criteria, sources);
    }
}
