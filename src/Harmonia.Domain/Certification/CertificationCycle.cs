using System.Text.Json.Serialization;

namespace Harmonia.Domain.Certification;

[JsonConverter(typeof(JsonStringEnumConverter<CycleAuditKind>))]
public enum CycleAuditKind
{
    Surveillance1,
    Surveillance2,
    Recertification,
}

/// <summary>A certificate as the cycle planner needs it.</summary>
public sealed record CertificateDates(string FrameworkId, DateOnly IssuedOn, DateOnly ExpiresOn);

/// <summary>A completed internal audit or a held management review, with the standards it covered.</summary>
public sealed record HeldRecord(string Name, DateOnly On, IReadOnlyList<string> FrameworkIds);

/// <summary>Whether the work the organization owes before an audit exists in its period.</summary>
public sealed record Prerequisite(string Name, bool Done, string Detail);

/// <summary>One audit of the cycle: when it is due, what it covers and what must exist before it.</summary>
public sealed record CycleAudit(
    CycleAuditKind Kind,
    string Name,
    DateOnly PeriodStart,
    DateOnly DueBy,
    int MandatoryClauses,
    IReadOnlyList<string> Controls,
    IReadOnlyList<Prerequisite> Prerequisites);

/// <summary>
/// The three-year cycle from a certificate: surveillance audits within the first and second year after issue, and
/// recertification completed before expiry (planned three months ahead, so the body can decide before the old
/// certificate lapses). Every audit covers every mandatory clause; the SoA's included Annex A controls are spread
/// over the two surveillance audits so the whole set is audited within the cycle, and recertification takes them all.
/// </summary>
public static class CertificationCycle
{
    public const int RecertificationLeadMonths = 3;

    public static IReadOnlyList<CycleAudit> Plan(CertificateDates certificate, int mandatoryClauses, IReadOnlyList<string> includedControls, IReadOnlyList<HeldRecord> audits, IReadOnlyList<HeldRecord> reviews)
    {
        var half = (includedControls.Count + 1) / 2;
        var first = certificate.IssuedOn.AddMonths(12);
        var second = certificate.IssuedOn.AddMonths(24);
        var recertification = certificate.ExpiresOn.AddMonths(-RecertificationLeadMonths);
        return
        [
            Audit(CycleAuditKind.Surveillance1, "Surveillance audit 1", certificate.IssuedOn, first, mandatoryClauses, includedControls.Take(half).ToArray(), certificate.FrameworkId, audits, reviews),
            Audit(CycleAuditKind.Surveillance2, "Surveillance audit 2", first, second, mandatoryClauses, includedControls.Skip(half).ToArray(), certificate.FrameworkId, audits, reviews),
            Audit(CycleAuditKind.Recertification, "Recertification audit", second, recertification < second ? certificate.ExpiresOn : recertification, mandatoryClauses, includedControls, certificate.FrameworkId, audits, reviews),
        ];
    }

    private static CycleAudit Audit(CycleAuditKind kind, string name, DateOnly start, DateOnly due, int clauses, IReadOnlyList<string> controls, string framework, IReadOnlyList<HeldRecord> audits, IReadOnlyList<HeldRecord> reviews)
    {
        // Work done after the previous audit and before this one's due date prepares this audit.
        static HeldRecord[] In(IReadOnlyList<HeldRecord> records, string framework, DateOnly start, DateOnly due) =>
            records.Where(r => r.On > start && r.On <= due && r.FrameworkIds.Contains(framework)).OrderBy(r => r.On).ToArray();

        var audit = In(audits, framework, start, due);
        var review = In(reviews, framework, start, due);
        return new CycleAudit(kind, name, start, due, clauses, controls,
        [
            new("Internal audit", audit.Length > 0, audit.Length > 0 ? string.Join(", ", audit.Select(a => $"{a.Name} ({a.On:yyyy-MM-dd})")) : $"none completed covering this standard between {start:yyyy-MM-dd} and {due:yyyy-MM-dd}"),
            new("Management review", review.Length > 0, review.Length > 0 ? string.Join(", ", review.Select(r => $"{r.Name} ({r.On:yyyy-MM-dd})")) : $"none held covering this standard between {start:yyyy-MM-dd} and {due:yyyy-MM-dd}"),
        ]);
    }
}

/// <summary>A body's quote beside the estimate: how many days it differs per audit and over the cycle.</summary>
public sealed record QuoteComparison(double? InitialDifference, double? SurveillanceDifference, double? RecertificationDifference, double? CycleDays, double? CycleDifference, double? PricePerDay, string Verdict)
{
    public static QuoteComparison Of(CycleDays estimate, double? initial, double? surveillance, double? recertification, decimal? price)
    {
        double? Diff(double? quoted, double estimated) => quoted is { } q ? q - estimated : null;
        double? cycle = initial is { } i && surveillance is { } s && recertification is { } r ? i + (2 * s) + r : null;
        var difference = cycle is { } c ? c - estimate.CycleTotal : (double?)null;
        var perDay = price is { } p && cycle is > 0 ? (double)p / cycle.Value : (double?)null;
        var verdict = difference switch
        {
            null => "Enter the quoted days for every audit to compare the cycle.",
            < 0 when -difference > estimate.CycleTotal * 0.2 => $"{AuditDays.Text(-difference.Value)} days below the estimate over the cycle: ask the body how it reached so few days (too little time is a finding risk for the body's accreditation).",
            < 0 => $"{AuditDays.Text(-difference.Value)} days below the estimate over the cycle: within a fifth, plausible with reductions the body may grant.",
            0 => "Exactly the estimate over the cycle.",
            _ when difference > estimate.CycleTotal * 0.2 => $"{AuditDays.Text(difference.Value)} days above the estimate over the cycle: ask which factors the body applied.",
            _ => $"{AuditDays.Text(difference.Value)} days above the estimate over the cycle: within a fifth.",
        };
        return new QuoteComparison(Diff(initial, estimate.Initial), Diff(surveillance, estimate.Surveillance), Diff(recertification, estimate.Recertification), cycle, difference, perDay, verdict);
    }
}
