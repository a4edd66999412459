using System.Text.Json.Nodes;
using Harmonia.App.Content;
using Harmonia.App.Features.Gaps;
using Harmonia.Domain.Gaps;

namespace Harmonia.App.Features.Interop;

/// <summary>
/// The organization's controls as an OSCAL component-definition: one component for the whole management system, one
/// control-implementation per framework its controls reach (its source is that framework's catalog export) and one
/// implemented-requirement per requirement covered, naming the controls with their key, name and status.
/// </summary>
public sealed class ExportOscalComponentDefinitionHandler(StoredOrganizationState state, LoadedContent content, TimeProvider time)
{
    public async Task<JsonObject> HandleAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        var organization = await state.LoadAsync(organizationId, cancellationToken);
        var catalog = content.Catalog;
        var covered = organization.Controls
            .SelectMany(c => c.Satisfies.Select(id => (Requirement: catalog.FindRequirement(id), Control: c)))
            .Where(p => p.Requirement is not null)
            .GroupBy(p => p.Requirement!.FrameworkId, StringComparer.Ordinal);

        var implementations = new JsonArray();
        foreach (var framework in catalog.Frameworks)
        {
            var pairs = covered.FirstOrDefault(g => g.Key == framework.Id);
            if (pairs is null)
            {
                continue;
            }

            // Catalog order, so the document reads like the standard and diffs stay small between exports.
            var order = framework.Requirements.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
            var requirements = new JsonArray();
            foreach (var byRequirement in pairs.GroupBy(p => p.Requirement!.Id, StringComparer.Ordinal).OrderBy(g => order.GetValueOrDefault(g.Key, int.MaxValue)))
            {
                var requirement = byRequirement.First().Requirement!;
                var controls = byRequirement.Select(p => p.Control).DistinctBy(c => c.Id).OrderBy(c => c.Id, StringComparer.Ordinal).ToArray();
                var props = new JsonArray(OscalDocument.OwnProp("requirement-id", requirement.Id));
                foreach (var control in controls)
                {
                    props.Add(OscalDocument.OwnProp("control", control.Id));
                }

                requirements.Add(new JsonObject
                {
                    ["uuid"] = OscalIds.Uuid($"implemented-requirement:{organizationId}:{requirement.Id}"),
                    ["control-id"] = OscalIds.Control(requirement),
                    ["description"] = $"{requirement.Ref} {requirement.Title} is addressed by: " +
                        string.Join("; ", controls.Select(c => $"{c.Id} {c.Name} ({Status(c.Status)})")) + ".",
                    ["props"] = props,
                    ["remarks"] = string.Join("\n", controls.Select(c => $"- {c.Id}: {c.Name}; status {Status(c.Status)}" + (c.Owner is null ? string.Empty : $"; owner {c.Owner}"))),
                });
            }

            implementations.Add(new JsonObject
            {
                ["uuid"] = OscalIds.Uuid($"control-implementation:{organizationId}:{framework.Id}"),
                ["source"] = CatalogHref(framework.Id),
                ["description"] = $"How the controls of {organization.Name} address {framework.Name}.",
                ["props"] = new JsonArray(OscalDocument.OwnProp("framework", framework.Id)),
                ["implemented-requirements"] = requirements,
            });
        }

        var component = new JsonObject
        {
            ["uuid"] = OscalIds.Uuid($"component:{organizationId}:management-system"),
            ["type"] = "this-system",
            ["title"] = $"{organization.Name} information security and AI management system",
            ["description"] = $"The controls {organization.Name} runs ({organization.Controls.Count} in total), each covering requirements of one or more frameworks.",
        };
        if (implementations.Count > 0)
        {
            component["control-implementations"] = implementations;
        }

        return new JsonObject
        {
            ["component-definition"] = new JsonObject
            {
                ["uuid"] = OscalIds.Uuid($"component-definition:{organizationId}"),
                ["metadata"] = OscalDocument.Metadata(
                    $"{organization.Name}: controls by framework requirement", time, content.Version,
                    "Exported by Harmonia from the organization's control register. Control status is the organization's own statement; " +
                    "the gap analysis (assessment-results) says what the evidence supports."),
                ["components"] = new JsonArray(component),
            },
        };
    }

    /// <summary>Where the catalog export of a framework is expected to sit next to this document.</summary>
    public static string CatalogHref(string frameworkId) => $"harmonia-{frameworkId}-catalog.json";

    public static string Status(ControlStatus status) => status switch
    {
        ControlStatus.InProgress => "in-progress",
        ControlStatus.NotApplicable => "not-applicable",
        ControlStatus.Implemented => "implemented",
        _ => "planned",
    };
}
