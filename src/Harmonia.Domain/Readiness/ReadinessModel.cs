using System.Globalization;
using Harmonia.Domain.Audits;
using Harmonia.Domain.Gaps;

namespace Harmonia.Domain.Readiness;

/// <summary>
/// Certification readiness per framework and for an integrated audit (DESIGN.md "Readiness").
/// Stage 1 checks that every mandatory documented information is present and approved, and that the records a
/// certification body reviews at Stage 1 exist: a document that merely mentions the risk assessment is not one.
/// Stage 2 checks every requirement is satisfied (or not applicable) with unexpired evidence on the controls that
/// satisfy it, that internal audits of the last 12 months covered the full scope, that a management review attended
/// by top management was held after the internal audit and considered its results, and that no major
/// nonconformity is open.
/// </summary>
public static class ReadinessModel
{
    public const string AuditKey = "audit";
    public const string ReviewKey = "review";
    public const string NonconformityKey = "nonconformity";

    /// <summary>Audit and review records older than this no longer show the system operating (the usual annual cycle).</summary>
    public const int RecordWindowMonths = 12;

    public static ReadinessAssessment Evaluate(ReadinessInput input)
    {
        if (input.Frameworks.Count == 0)
        {
            throw new ArgumentException("Readiness needs at least one framework.", nameof(input));
        }

        var controls = input.Controls.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var perFramework = input.Frameworks.Select(f => new FrameworkReadiness(
            [f.Gaps.Target.Id],
            f.Gaps.Target.Name,
            new StageReadiness(ReadinessStage.Stage1, Stage1(f, input.Today)),
            new StageReadiness(ReadinessStage.Stage2, Stage2(f.Gaps, input, controls)))).ToArray();

        var integrated = new FrameworkReadiness(
            perFramework.SelectMany(f => f.FrameworkIds).ToArray(),
            string.Join(" + ", perFramework.Select(f => f.Name)),
            new StageReadiness(ReadinessStage.Stage1, Merge(perFramework.Select(f => f.Stage1))),
            new StageReadiness(ReadinessStage.Stage2, Merge(perFramework.Select(f => f.Stage2))));
        return new ReadinessAssessment(perFramework, integrated);
    }

    private static List<ReadinessCheck> Stage1(FrameworkReadinessInput framework, DateOnly today)
    {
        var requirements = framework.Gaps.Rows.ToDictionary(r => r.Requirement.Id, r => r.Requirement, StringComparer.Ordinal);
        var name = framework.Gaps.Target.Name;
        var checks = new List<ReadinessCheck>(framework.DocumentedInformation.Count);
        foreach (var item in framework.DocumentedInformation)
        {
            var requirement = requirements.GetValueOrDefault(item.RequirementId)
                ?? throw new ArgumentException($"Documented information '{item.RequirementId}' is not a requirement of {name}.", nameof(framework));
            var fix = new FixAt(FixKind.Document, requirement.Id);
            var held = item.Held?.NotCounted(today) is null ? item.Held : null;
            var blocking = item switch
            {
                { DocumentTitle: not null, Approved: true } => null,
                _ when held is not null => null,
                { Held: { } stale } => new BlockingItem(stale.NotCounted(today)!, fix),
                { DocumentTitle: null } => new BlockingItem(
                    $"No document provides {name} {requirement.Ref} {requirement.Title}" + (string.IsNullOrWhiteSpace(item.Expectation) ? "." : ": " + item.Expectation.Trim()),
                    fix),
                _ => new BlockingItem(
                    $"'{item.DocumentTitle}' provides {name} {requirement.Ref} {requirement.Title} but is not approved yet.",
                    fix),
            };
            var basis = item is { DocumentTitle: not null, Approved: true } ? $"'{item.DocumentTitle}'" : held?.Basis;
            checks.Add(new ReadinessCheck(
                "document:" + SharedClause.KeyOf(requirement),
                requirement.Ref + " " + requirement.Title,
                SharedClause.ClauseOf(requirement),
                [requirement.Id],
                blocking is null ? [] : [blocking])
            { Basis = basis });
        }

        checks.AddRange(framework.Records.Select(r => new ReadinessCheck("record:" + r.Key, r.Title, null, [], r.Missing)));
        return checks;
    }

    private static List<ReadinessCheck> Stage2(GapReport gaps, ReadinessInput input, Dictionary<string, OrganizationControl> controls)
    {
        var name = gaps.Target.Name;
        var checks = new List<ReadinessCheck>(gaps.Rows.Count + 3);
        foreach (var row in gaps.Rows)
        {
            var requirement = row.Requirement;
            var blocking = row.IsOpen
                ? [new BlockingItem($"{name} {requirement.Ref} {requirement.Title} is {row.Result.ToLabel().ToLowerInvariant()}: {row.Reason}", new FixAt(FixKind.Requirement, requirement.Id))]
                : StaleEvidence(row, input.Today, controls);
            checks.Add(new ReadinessCheck(
                "requirement:" + SharedClause.KeyOf(requirement),
                requirement.Ref + " " + requirement.Title,
                SharedClause.ClauseOf(requirement),
                [requirement.Id],
                blocking));
        }

        checks.Add(AuditCheck(gaps, input));
        checks.Add(ReviewCheck(input));
        checks.Add(NonconformityCheck(gaps, input));
        return checks;
    }

    /// <summary>
    /// The controls behind a satisfied result: its own implemented controls, or those at the origin of a mapping
    /// path that carried "satisfied" into it. Their evidence is what an auditor samples.
    /// </summary>
    private static List<BlockingItem> StaleEvidence(GapRow row, DateOnly today, Dictionary<string, OrganizationControl> current)
    {
        if (row.Result != RequirementResult.Satisfied)
        {
            return [];
        }

        var satisfying = (row.Own?.Controls ?? [])
            .Concat(row.Sources.Where(s => s.Result == RequirementResult.Satisfied).SelectMany(s => s.Origin.Controls))
            .Where(c => c.Status == ControlStatus.Implemented)
            .Select(c => current.GetValueOrDefault(c.Id) ?? c)
            .DistinctBy(c => c.Id);
        var blocking = new List<BlockingItem>();
        foreach (var control in satisfying)
        {
            var fix = new FixAt(FixKind.Control, control.Id);
            if (control.Evidence.Count == 0)
            {
                blocking.Add(new BlockingItem($"Control '{control.Name}' has no evidence on record.", fix));
                continue;
            }

            foreach (var expired in control.Evidence.Where(e => e.Expires is { } expires && expires < today))
            {
                blocking.Add(new BlockingItem(
                    $"Evidence '{expired.Title}' of control '{control.Name}' expired on {Format(expired.Expires!.Value)}.", fix));
            }
        }

        return blocking;
    }

    private static ReadinessCheck AuditCheck(GapReport gaps, ReadinessInput input)
    {
        var since = input.Today.AddMonths(-RecordWindowMonths);
        var recent = input.Audits.Where(a => a.CompletedOn > since && a.CompletedOn <= input.Today).ToArray();
        var fix = new FixAt(FixKind.Audit, null);
        List<BlockingItem> blocking = [];
        if (recent.Length == 0)
        {
            blocking.Add(new BlockingItem($"No internal audit completed since {Format(since)}.", fix));
        }
        else
        {
            // Several audits of one programme may share the scope between them, so their coverage is pooled.
            var covered = recent.SelectMany(a => a.CoveredRequirementIds).ToHashSet(StringComparer.Ordinal);
            var missed = gaps.Rows
                .Where(r => r.Result != RequirementResult.NotApplicable && !covered.Contains(r.Requirement.Id))
                .Select(r => r.Requirement.Ref)
                .ToArray();
            if (missed.Length > 0)
            {
                var inScope = gaps.Rows.Count(r => r.Result != RequirementResult.NotApplicable);
                blocking.Add(new BlockingItem(
                    $"Internal audits since {Format(since)} left {missed.Length} of {inScope} {gaps.Target.Name} requirements unaudited: {Shorten(missed)}.",
                    fix));
            }
        }

        return new ReadinessCheck(AuditKey, "Internal audit of the full scope in the last 12 months", null, [], blocking);
    }

    private static ReadinessCheck ReviewCheck(ReadinessInput input)
    {
        var since = input.Today.AddMonths(-RecordWindowMonths);
        var held = input.ManagementReviews.Where(r => r.HeldOn <= input.Today).OrderBy(r => r.HeldOn).ToArray();
        var fix = new FixAt(FixKind.Review, null);
        List<BlockingItem> blocking = [];
        if (held.LastOrDefault() is not { } latest || latest.HeldOn <= since)
        {
            var last = held.Length == 0 ? "none is on record" : "the last was on " + Format(held[^1].HeldOn);
            blocking.Add(new BlockingItem($"No management review held since {Format(since)}; {last}.", fix));
            return new ReadinessCheck(ReviewKey, ReviewTitle, null, [], blocking);
        }

        // The review closes the cycle: it must come after the internal audit and weigh its results (9.3.2 of both
        // standards), so an auditor can see that management acted on what the audit found.
        if (input.Audits.Where(a => a.CompletedOn > since && a.CompletedOn <= input.Today).MaxBy(a => a.CompletedOn) is { } audit)
        {
            if (latest.HeldOn < audit.CompletedOn)
            {
                blocking.Add(new BlockingItem($"The last management review ({Format(latest.HeldOn)}) came before the internal audit {audit.Name} was completed ({Format(audit.CompletedOn)}): hold a review that considers its results.", fix));
            }
            else if (audit.Key is { } key && !latest.AuditsConsidered.Contains(key, StringComparer.Ordinal))
            {
                blocking.Add(new BlockingItem($"The management review of {Format(latest.HeldOn)} did not consider the results of the internal audit {audit.Name}.", fix));
            }
        }

        if (latest.TopManagementAttended is not true)
        {
            blocking.Add(new BlockingItem(latest.TopManagementAttended is null
                ? $"The management review of {Format(latest.HeldOn)} does not record which top-management members attended."
                : $"No named top-management member attended the management review of {Format(latest.HeldOn)}.", fix));
        }

        return new ReadinessCheck(ReviewKey, ReviewTitle, null, [], blocking);
    }

    private const string ReviewTitle = "Management review by top management after the internal audit, in the last 12 months";

    private static ReadinessCheck NonconformityCheck(GapReport gaps, ReadinessInput input)
    {
        var requirements = gaps.Rows.ToDictionary(r => r.Requirement.Id, r => r.Requirement, StringComparer.Ordinal);
        var blocking = input.OpenNonconformities
            .Where(n => n.Grade == FindingGrade.MajorNonconformity && requirements.ContainsKey(n.RequirementId))
            .Select(n =>
            {
                var requirement = requirements[n.RequirementId];
                return new BlockingItem(
                    $"Open major nonconformity {n.Id} against {gaps.Target.Name} {requirement.Ref} ({n.Source}): {n.Text.Trim()}",
                    new FixAt(FixKind.Nonconformity, n.Id));
            })
            .ToArray();
        return new ReadinessCheck(NonconformityKey, "No open major nonconformity", null, [], blocking);
    }

    /// <summary>
    /// Integrated view: checks with the same key (a harmonized clause of both frameworks, or the audit, review and
    /// nonconformity checks) become one check that passes only when every framework's version passes.
    /// </summary>
    private static List<ReadinessCheck> Merge(IEnumerable<StageReadiness> stages) =>
        stages.SelectMany(s => s.Checks)
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .Select(g => g.Count() == 1 ? g.First() : new ReadinessCheck(
                g.Key,
                string.Join(" / ", g.Select(c => c.Title).Distinct(StringComparer.Ordinal)),
                g.First().Clause,
                g.SelectMany(c => c.RequirementIds).Distinct(StringComparer.Ordinal).ToArray(),
                g.SelectMany(c => c.Blocking).Distinct().ToArray())
            {
                Basis = g.Select(c => c.Basis).OfType<string>().Distinct(StringComparer.Ordinal).ToArray() is { Length: > 0 } bases ? string.Join("; ", bases) : null,
            })
            .ToList();

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Shorten(string[] refs) =>
        refs.Length <= 8 ? string.Join(", ", refs) : string.Join(", ", refs.Take(8)) + ", ...";
}
