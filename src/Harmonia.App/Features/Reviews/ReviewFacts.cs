using System.Globalization;
using Harmonia.App.Features.Competence;
using Harmonia.App.Features.Objectives;
using Harmonia.Domain.Competence;
using Harmonia.Domain.Objectives;

namespace Harmonia.App.Features.Reviews;

/// <summary>Review facts about objectives and competence, in sentences top management reads without the tool open.</summary>
internal static class ReviewFacts
{
    public static string Objective(ObjectiveDto o)
    {
        var inv = CultureInfo.InvariantCulture;
        var unit = string.IsNullOrWhiteSpace(o.Unit) ? string.Empty : " " + o.Unit;
        var target = string.Format(inv, "target {0} {1:0.####}{2}", o.Direction.ToLabel(), o.Target, unit);
        var system = o.System == ObjectiveSystem.Ai ? "AI" : o.System.ToLabel().ToLowerInvariant();
        var head = $"{o.Key} {o.Title} ({system}, owner {o.Owner})";
        if (o.Standing.Latest is not { } latest)
        {
            return $"{head}: no measurement yet; {target}.";
        }

        var trend = o.Standing.Trend switch
        {
            ObjectiveTrend.Improving => "improving",
            ObjectiveTrend.Worsening => "worsening",
            ObjectiveTrend.Steady => "steady",
            _ => "first measurement",
        };
        var fact = string.Format(inv, "{0}: latest {1:0.####}{2} on {3:yyyy-MM-dd} against a {4} — {5}, {6}", head, latest.Value, unit, latest.MeasuredOn, target, o.Standing.LatestMet == true ? "met" : "not met", trend);
        return o.Standing.Status == ObjectiveStatus.MeasurementOverdue ? fact + $"; the next measurement was due by {o.Standing.NextDue:yyyy-MM-dd}." : fact + ".";
    }

    public static IReadOnlyList<string> Competence(CompetenceOverview competence)
    {
        if (competence.Roles.Count == 0 || competence.People.Count == 0)
        {
            return ["Roles, the competences they require and the people holding them are not recorded yet."];
        }

        var gaps = competence.Gaps;
        var facts = new List<string>
        {
            $"{competence.People.Count} people in {competence.Roles.Count} roles: {gaps.Covered} required competences covered by current evidence, {gaps.Missing} missing, {gaps.Expired} expired.",
        };
        facts.AddRange(gaps.Roles.Where(r => r.Missing + r.Expired > 0).Select(r => $"{r.Role}: {r.Missing + r.Expired} gaps among {r.People} people."));
        facts.AddRange(gaps.GapCells.Take(10).Select(g => $"{g.Person} needs {competence.NameOf(g.CompetenceKey)} ({(g.State == CoverageState.Expired ? "evidence expired" : "no evidence")}) for {string.Join(", ", g.RequiredBy)}."));
        return facts;
    }

    /// <summary>Supplier performance (review outcomes, overdue reviews, expiring certificates) and the changes since the last review.</summary>
    public static IReadOnlyList<string> Suppliers(IReadOnlyList<Features.Suppliers.SupplierDto> suppliers, DateOnly since)
    {
        if (suppliers.Count == 0)
        {
            return ["No suppliers are recorded in the supplier register."];
        }

        var watched = suppliers.Where(s => s.Status != Domain.Suppliers.SupplierStatus.Ended).ToArray();
        var reviewed = suppliers.SelectMany(s => s.Reviews.Where(r => r.On >= since).Select(r => (s, r))).ToArray();
        var facts = new List<string>
        {
            $"{watched.Length} suppliers in the register ({watched.Count(s => s.Status == Domain.Suppliers.SupplierStatus.Active)} active); {reviewed.Length} reviews since {since:yyyy-MM-dd}, {reviewed.Count(x => x.r.Outcome == Domain.Suppliers.ReviewOutcome.Unsatisfactory)} of them unsatisfactory.",
        };
        facts.AddRange(reviewed.Where(x => x.r.Outcome != Domain.Suppliers.ReviewOutcome.Satisfactory).Select(x => $"{x.s.Key} {x.s.Name}: review of {x.r.On:yyyy-MM-dd} {x.r.Outcome.ToString().ToLowerInvariant()}{(x.r.Notes is null ? string.Empty : " (" + x.r.Notes + ")")}."));
        facts.AddRange(watched.Where(s => s.Standing.AnyOverdue).Select(s => $"{s.Key} {s.Name}: overdue {string.Join(", ", s.Standing.Due.Where(d => d.Overdue).Select(d => $"{d.What} ({d.On:yyyy-MM-dd})"))}."));
        facts.AddRange(suppliers.Where(s => s.Status is Domain.Suppliers.SupplierStatus.Proposed or Domain.Suppliers.SupplierStatus.Offboarding).Select(s => $"{s.Key} {s.Name} is {s.Status.ToString().ToLowerInvariant()}."));
        return facts;
    }
}
