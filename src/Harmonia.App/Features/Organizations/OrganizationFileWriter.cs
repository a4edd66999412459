using System.Globalization;
using Harmonia.App.Common;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Suppliers;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;
namespace Harmonia.App.Features.Organizations;

/// <summary>Writes an organization in the same YAML format <see cref="OrganizationFileReader"/> reads, so export -> import is lossless.</summary>
public static class OrganizationFileWriter
{
    public static string Write(OrganizationFile file)
    {
        var root = new YamlMappingNode();
        var organization = new YamlMappingNode { { "name", file.Profile.Name } };
        Add(organization, "sector", file.Profile.Sector);
        Add(organization, "employees", file.Profile.Employees?.ToString(CultureInfo.InvariantCulture));
        if (file.Profile.Locations.Count > 0)
        {
            organization.Add("locations", Flow(file.Profile.Locations));
        }

        if (file.Profile.Certifications.Count > 0)
        {
            var certifications = new YamlSequenceNode();
            foreach (var certification in file.Profile.Certifications)
            {
                var node = new YamlMappingNode { { "framework", certification.FrameworkId } };
                Add(node, "since", Date(certification.Since));
                Add(node, "certificationBody", certification.CertificationBody);
                certifications.Add(node);
            }

            organization.Add("certifications", certifications);
        }

        root.Add("organization", organization);
        root.Add("assessment", new YamlMappingNode { { "teamCapacityFte", file.TeamCapacityFte.ToString("0.##", CultureInfo.InvariantCulture) } });

        var aiSystems = new YamlSequenceNode();
        foreach (var system in file.AiSystems)
        {
            var node = new YamlMappingNode { { "id", system.Id }, { "name", system.Name } };
            Add(node, "purpose", system.Purpose);
            node.Add("roles", Flow(system.Roles));
            Add(node, "euAiActRole", system.EuAiActRole);
            Add(node, "euAiActClass", system.EuAiActClass);
            Add(node, "lifecycleStage", system.LifecycleStage);
            Add(node, "supplier", system.Supplier);
            aiSystems.Add(node);
        }

        root.Add("aiSystems", aiSystems);

        var controls = new YamlSequenceNode();
        foreach (var control in file.Controls)
        {
            var node = new YamlMappingNode { { "id", control.Id }, { "name", control.Name } };
            Add(node, "owner", control.Owner);
            node.Add("status", OrganizationValues.Token(control.Status));
            node.Add("satisfies", Flow(control.Satisfies));
            var evidence = new YamlSequenceNode();
            foreach (var item in control.Evidence)
            {
                var entry = new YamlMappingNode { { "title", item.Title } };
                Add(entry, "date", Date(item.Date));
                Add(entry, "expires", Date(item.Expires));
                Add(entry, item.Kind == EvidenceKind.Link ? "url" : "file", item.Kind == EvidenceKind.Record ? null : item.Location);
                Add(entry, "sha256", item.Sha256);
                Add(entry, "note", item.Note);
                evidence.Add(entry);
            }

            node.Add("evidence", evidence);
            controls.Add(node);
        }

        root.Add("controls", controls);

        var results = new YamlSequenceNode();
        foreach (var result in file.Results)
        {
            var node = new YamlMappingNode { { "requirement", result.RequirementId }, { "result", OrganizationValues.Token(result.Result) } };
            Add(node, "reason", result.Reason);
            results.Add(node);
        }

        root.Add("results", results);
        WriteSuppliers(root, file);

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        writer.WriteLine("# Harmonia organization file (see the README, \"The organization file\").");
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        // Only the document-end marker goes: trimming every trailing dot also cut the full stop off the file's last value.
        var text = writer.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');
        return (text.EndsWith("\n...", StringComparison.Ordinal) ? text[..^4].TrimEnd('\n') : text) + "\n";
    }

    private static void WriteSuppliers(YamlMappingNode root, OrganizationFile file)
    {
        if (file.SupplierTiers is { } tiers)
        {
            var list = new YamlSequenceNode();
            foreach (var tier in tiers)
            {
                var node = new YamlMappingNode { { "key", tier.Key }, { "name", tier.Name }, { "reviewMonths", tier.ReviewMonths.ToString(CultureInfo.InvariantCulture) } };
                Add(node, "criteria", tier.Criteria);
                list.Add(node);
            }

            root.Add("supplierTiers", list);
        }

        if (file.Suppliers.Count == 0)
        {
            return;
        }

        var suppliers = new YamlSequenceNode();
        foreach (var s in file.Suppliers)
        {
            var node = new YamlMappingNode { { "id", s.Id }, { "name", s.Name } };
            Add(node, "services", s.Services);
            node.Add("kind", s.Kind.ToToken());
            node.Add("tier", s.Tier);
            Add(node, "dataProcessed", s.DataProcessed);
            node.Add("status", s.Status.ToToken());
            Items(node, "contacts", s.Contacts, c =>
            {
                var entry = new YamlMappingNode { { "name", c.Name } };
                Add(entry, "position", c.Role);
                Add(entry, "email", c.Email);
                return entry;
            });
            Items(node, "certifications", s.Certifications, c =>
            {
                var entry = new YamlMappingNode { { "scheme", c.Scheme.ToToken() } };
                Add(entry, "name", c.Name);
                Add(entry, "expires", Date(c.Expires));
                Add(entry, "evidenceUrl", c.EvidenceUrl);
                return entry;
            });
            Items(node, "contracts", s.Contracts, c =>
            {
                var entry = new YamlMappingNode { { "title", c.Title } };
                Add(entry, "starts", Date(c.Starts));
                Add(entry, "ends", Date(c.Ends));
                Add(entry, "renewalOn", Date(c.RenewalOn));
                entry.Add("clauses", Flow(c.Clauses.Select(x => x.ToToken())));
                return entry;
            });
            Items(node, "reviews", s.Reviews, r =>
            {
                var entry = new YamlMappingNode { { "on", Date(r.On)! }, { "reviewer", r.Reviewer }, { "outcome", r.Outcome.ToToken() } };
                Add(entry, "notes", r.Notes);
                return entry;
            });
            if (s.Offboarding != OffboardingChecklist.None)
            {
                var checklist = new YamlMappingNode();
                Add(checklist, "accessRemovedOn", Date(s.Offboarding.AccessRemovedOn));
                Add(checklist, "dataReturnedOn", Date(s.Offboarding.DataReturnedOn));
                Add(checklist, "dataDeletedOn", Date(s.Offboarding.DataDeletedOn));
                node.Add("offboarding", checklist);
            }

            Items(node, "aiSystems", s.AiSystems, a => new YamlMappingNode { { "aiSystem", a.AiSystem }, { "aiRole", a.Role } });
            foreach (var (key, keys) in new[] { ("risks", s.Risks), ("controls", s.Controls), ("subProcessors", s.SubProcessors) })
            {
                if (keys.Count > 0)
                {
                    node.Add(key, Flow(keys));
                }
            }

            Items(node, "questionnaires", s.Questionnaires, Questionnaire);
            suppliers.Add(node);
        }

        root.Add("suppliers", suppliers);
    }

    private static YamlMappingNode Questionnaire(SupplierQuestionnaireEntry q)
    {
        var entry = new YamlMappingNode { { "template", q.Template.Key }, { "sentTo", q.SentTo }, { "sentOn", Date(q.SentOn)! } };
        Add(entry, "submittedOn", Date(q.SubmittedOn));
        entry.Add("acceptedOn", Date(q.AcceptedOn)!);
        entry.Add("acceptedBy", q.AcceptedBy);
        var answers = new YamlMappingNode();
        foreach (var answer in q.Answers.Where(a => !string.IsNullOrEmpty(a.Value)))
        {
            // Quoted, so "yes" and "no" stay text for any YAML reader.
            answers.Add(answer.QuestionKey, new YamlScalarNode(answer.Value) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted });
        }

        if (answers.Children.Count > 0)
        {
            entry.Add("answers", answers);
        }

        Items(entry, "marks", q.Marks, m =>
        {
            var mark = new YamlMappingNode { { "question", m.QuestionKey }, { "passes", m.Passes ? "true" : "false" } };
            Add(mark, "comment", m.Comment);
            return mark;
        });
        return entry;
    }

    private static void Items<T>(YamlMappingNode node, string key, IReadOnlyList<T> items, Func<T, YamlMappingNode> write)
    {
        if (items.Count > 0)
        {
            node.Add(key, new YamlSequenceNode(items.Select(write)));
        }
    }

    private static void Add(YamlMappingNode node, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            node.Add(key, new YamlScalarNode(value));
        }
    }

    private static YamlSequenceNode Flow(IEnumerable<string> values)
    {
        var sequence = new YamlSequenceNode(values.Select(v => new YamlScalarNode(v))) { Style = SequenceStyle.Flow };
        return sequence;
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
