using System.Text.Json.Serialization;

namespace Harmonia.Domain.Certification;

/// <summary>How complex the organization's business or its IT is, as a certification body grades it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Complexity>))]
public enum Complexity
{
    Low,
    Medium,
    High,
}

/// <summary>
/// Which AI roles the organization holds across its in-scope AI systems, as the AIMS audit-time practice groups them:
/// an AI producer only, one other role only (provider, customer or partner), or several roles.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<AiRoleCategory>))]
public enum AiRoleCategory
{
    Producer,
    SingleOtherRole,
    MultipleRoles,
}

/// <summary>Where a figure of the tables comes from and whether a second source or the standard confirmed it.</summary>
public sealed record TableSource(string Text, string? Url, bool Verified);

/// <summary>Days for an organization of up to <paramref name="UpTo"/> persons; <paramref name="Verified"/> false when only one secondary source gives it.</summary>
public sealed record AuditTimeBand(int UpTo, double Days, bool Verified);

/// <summary>
/// The headcount table of one standard: bands in increasing order, and past the last band one more
/// <see cref="BeyondDays"/> for every further <see cref="BeyondPersons"/> persons (our extrapolation).
/// </summary>
public sealed record HeadcountTable(IReadOnlyList<AuditTimeBand> Bands, int BeyondPersons, double BeyondDays)
{
    public (double Days, string Reason) DaysFor(int persons)
    {
        var previous = 0;
        foreach (var band in Bands)
        {
            if (persons <= band.UpTo)
            {
                return (band.Days, $"{persons} persons fall in the band {previous + 1}–{band.UpTo}: {AuditDays.Text(band.Days)} days{(band.Verified ? string.Empty : " (band from one secondary copy of the table, unverified)")}");
            }

            previous = band.UpTo;
        }

        var last = Bands[^1];
        var steps = (int)Math.Ceiling((persons - last.UpTo) / (double)BeyondPersons);
        var days = last.Days + (steps * BeyondDays);
        return (days, $"{persons} persons are past the last band (up to {last.UpTo}: {AuditDays.Text(last.Days)} days); {steps} × {AuditDays.Text(BeyondDays)} day for every further {BeyondPersons} persons gives {AuditDays.Text(days)} days (Harmonia's extrapolation, unverified)");
    }
}

/// <summary>The ISMS (ISO/IEC 27001) table and its adjustments.</summary>
/// <param name="ComplexityPercent">Business complexity (row) × IT complexity (column) → percent added (negative: removed).</param>
public sealed record IsmsTable(
    string FrameworkId,
    string Method,
    IReadOnlyList<TableSource> Sources,
    HeadcountTable Headcount,
    IReadOnlyDictionary<Complexity, IReadOnlyDictionary<Complexity, double>> ComplexityPercent,
    SiteRule Sites,
    double FloorPercent,
    double CeilingPercent);

/// <summary>The AIMS (ISO/IEC 42001) table: AI-related persons, the role category and AI-specific adjustments.</summary>
/// <param name="FirstBandDaysByRole">What the source gives for the first band per role category; the ratio to the table's first band scales every band.</param>
public sealed record AimsTable(
    string FrameworkId,
    string Method,
    IReadOnlyList<TableSource> Sources,
    HeadcountTable Headcount,
    IReadOnlyDictionary<AiRoleCategory, double> FirstBandDaysByRole,
    double HighRiskPercent,
    int ManySystemsOver,
    double ManySystemsPercent,
    SiteRule Sites,
    double FloorPercent,
    double CeilingPercent);

/// <summary>Percent added per site beyond the first, at most <paramref name="MaxPercent"/>.</summary>
public sealed record SiteRule(double PerAdditionalSitePercent, double MaxPercent);

/// <summary>Shares of the initial audit time: Stage 1 of the initial audit, one surveillance audit, the recertification audit.</summary>
public sealed record CycleShares(double Stage1Percent, double SurveillancePercent, double RecertificationPercent, IReadOnlyList<TableSource> Sources);

/// <summary>One documented level of integration and the reduction it earns.</summary>
public sealed record IntegrationCriterionRule(string Id, string Title, double Percent);

/// <summary>The integrated-audit rule: each standard computed alone, summed, reduced by the criteria met, never by more than the cap.</summary>
public sealed record IntegrationTable(double MaxReductionPercent, IReadOnlyList<IntegrationCriterionRule> Criteria, IReadOnlyList<TableSource> Sources);

/// <summary>Every table the estimate uses, as shipped in content/certification, with the date the sources were checked.</summary>
public sealed record AuditTimeTables(DateOnly Checked, string Caution, CycleShares Cycle, IsmsTable Isms, AimsTable Aims, IntegrationTable Integration)
{
    /// <summary>The ids of the integration criteria Harmonia knows how to derive from the data.</summary>
    public static IReadOnlyList<string> KnownCriteria { get; } = ["integrated-management-review", "integrated-internal-audit", "shared-documented-information", "one-risk-methodology"];
}
