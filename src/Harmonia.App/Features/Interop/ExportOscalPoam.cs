using System.Globalization;
using System.Text.Json.Nodes;
using Harmonia.App.Content;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Gaps;
using Harmonia.App.Persistence;
using Harmonia.Domain.Audits;
using Harmonia.Domain.Gaps;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Interop;

/// <summary>
/// The organization's open work as an OSCAL plan-of-action-and-milestones: every requirement the gap analysis does not
/// find satisfied (with the effort still open) and every nonconformity not yet closed (with its corrective actions'
/// due dates). The system is the organization, identified by its id.
/// </summary>
public sealed class ExportOscalPoamHandler(StoredGapAnalysisHandler gap, HarmoniaDbContext db, LoadedContent content, TimeProvider time)
{
    public async Task<JsonObject> HandleAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        var items = new JsonArray();
        var name = string.Empty;
        foreach (var target in ExportOscalAssessmentResultsHandler.Targets)
        {
            // The gap handler enters the organization's tenant scope (and answers 404 for an unknown one) first.
            var report = await gap.HandleAsync(new StoredGapRequest(organizationId, target), cancellationToken);
            name = report.OrganizationName;
            foreach (var row in report.Rows.Where(r => r.IsOpen))
            {
                var props = new JsonArray(
                    OscalDocument.OwnProp("requirement-id", row.Requirement.Id),
                    OscalDocument.OwnProp("result", ExportOscalAssessmentResultsHandler.Result(row.Result)));
                if (row.RemainingEffortDays > 0)
                {
                    props.Add(OscalDocument.OwnProp("effort-days", row.RemainingEffortDays.ToString("0.#", CultureInfo.InvariantCulture)));
                }

                items.Add(new JsonObject
                {
                    ["uuid"] = OscalIds.Uuid($"poam-item:{organizationId}:{row.Requirement.Id}"),
                    ["title"] = $"{report.Target.Name} {row.Requirement.Ref} {row.Requirement.Title}",
                    ["description"] = string.IsNullOrWhiteSpace(row.Reason) ? $"{row.Result.ToLabel()}: still to be met." : row.Reason,
                    ["props"] = props,
                    ["related-findings"] = new JsonArray(new JsonObject { ["finding-uuid"] = OscalIds.Uuid($"finding:{organizationId}:{row.Requirement.Id}") }),
                    ["remarks"] = "The related finding is in this organization's assessment-results export.",
                });
            }
        }

        var closed = nameof(NonconformityState.Closed);
        var records = await db.Nonconformities.AsNoTracking().Where(n => n.State != closed).ToListAsync(cancellationToken);
        foreach (var record in records.OrderBy(n => n.Key.Length).ThenBy(n => n.Key, StringComparer.Ordinal))
        {
            var nc = NonconformityJson.Read(record.Json);
            var props = new JsonArray(
                OscalDocument.OwnProp("nonconformity", record.Key),
                OscalDocument.OwnProp("grade", nc.Grade.ToString()),
                OscalDocument.OwnProp("state", nc.State.ToString()),
                OscalDocument.OwnProp("raised", Date(nc.RaisedOn)));
            foreach (var requirement in nc.RequirementIds)
            {
                props.Add(OscalDocument.OwnProp("requirement-id", requirement));
            }

            var open = nc.Actions.Where(a => !a.Done).OrderBy(a => a.Due).ToArray();
            if (open.Length > 0)
            {
                props.Add(OscalDocument.OwnProp("due", Date(open[0].Due)));
            }

            var item = new JsonObject
            {
                ["uuid"] = OscalIds.Uuid($"poam-item:{organizationId}:{record.Key}"),
                ["title"] = $"{record.Key} ({nc.Grade}): {nc.Source}",
                ["description"] = nc.Text,
                ["props"] = props,
            };
            if (nc.Actions.Count > 0)
            {
                item["remarks"] = "Corrective actions:\n" + string.Join("\n", nc.Actions.Select(a =>
                    $"- {a.Id}: {a.Description} (owner {a.Owner}, due {Date(a.Due)}" + (a.DoneOn is { } done ? $", done {Date(done)})" : ")")));
            }

            items.Add(item);
        }

        // OSCAL requires at least one item; an empty plan would be an invalid document, so say plainly why there is none.
        if (items.Count == 0)
        {
            throw new Common.InvalidInputException("Nothing is open: every requirement of both standards is satisfied or not applicable and no nonconformity is open, so there is no plan of action to export.");
        }

        return new JsonObject
        {
            ["plan-of-action-and-milestones"] = new JsonObject
            {
                ["uuid"] = OscalIds.Uuid($"poam:{organizationId}"),
                ["metadata"] = OscalDocument.Metadata(
                    $"{name}: open work and nonconformities", time, content.Version,
                    "Exported by Harmonia: requirements the gap analysis does not find satisfied, with the effort still open in person-days, " +
                    "and nonconformities not yet closed, with the due date of the earliest open corrective action."),
                // RFC 4122 is the identifier type NIST's examples use for a UUID system id.
                ["system-id"] = new JsonObject { ["identifier-type"] = "https://ietf.org/rfc/rfc4122", ["id"] = organizationId.ToString("D") },
                ["poam-items"] = items,
            },
        };
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
