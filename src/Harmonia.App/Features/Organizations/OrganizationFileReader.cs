using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.Domain.AiSystems;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Suppliers;
using YamlDotNet.RepresentationModel;
namespace Harmonia.App.Features.Organizations;

/// <summary>
/// Reads an organization file and checks it against the catalog: unknown requirement ids, statuses, results,
/// duplicate ids and malformed YAML are reported with line and column, and nothing is returned.
/// </summary>
public static class OrganizationFileReader
{
    /// <summary>Organization files are small; uploads larger than this are refused before they are parsed.</summary>
    private static readonly string[] LifecycleStages = ["design", "development", "verification", "deployment", "operation", "retired"];

    /// <remarks>Accepted questionnaires may name Harmonia's own questionnaire templates, the ones built into the product.</remarks>
    public static OrganizationFile Read(string name, string text, Catalog catalog, InputLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<ContentError>();
        var yaml = YamlFile.Parse(name, text, errors, limits, cancellationToken);
        OrganizationFile? file = null;
        if (yaml.Root is { } root)
        {
            file = Read(yaml, root, catalog, LoadedContent.Shipped.SupplierQuestionnaires);
        }

        if (errors.Count > 0 || file is null)
        {
            throw new ContentValidationException(errors);
        }

        return file;
    }

    private static OrganizationFile? Read(YamlFile yaml, YamlMappingNode root, Catalog catalog, IReadOnlyList<QuestionnaireTemplate> questionnaires)
    {
        yaml.AllowOnly(root, "organization", "assessment", "aiSystems", "controls", "results", "supplierTiers", "suppliers");
        if (YamlFile.Get(root, "organization") is not YamlMappingNode organization)
        {
            yaml.Error(YamlFile.Get(root, "organization") ?? root, "the file needs an 'organization' mapping with at least a name");
            return null;
        }

        var profile = ReadProfile(yaml, organization, catalog);
        var capacity = EffortModel.DefaultTeamCapacityFte;
        if (YamlFile.Get(root, "assessment") is { } assessmentNode)
        {
            if (assessmentNode is YamlMappingNode assessment)
            {
                yaml.AllowOnly(assessment, "teamCapacityFte");
                capacity = yaml.OptionalNumber(assessment, "teamCapacityFte", 0.1, 100) ?? capacity;
            }
            else
            {
                yaml.Error(assessmentNode, "'assessment' must be a mapping");
            }
        }

        var aiSystems = ReadAiSystems(yaml, root);
        var controls = ReadControls(yaml, root, catalog);
        var results = ReadResults(yaml, root, catalog);
        var tiers = ReadSupplierTiers(yaml, root);
        var suppliers = ReadSuppliers(yaml, root, tiers ?? SupplierVocabulary.DefaultTiers, aiSystems, controls, questionnaires);
        return profile is null ? null : new OrganizationFile(profile, capacity, aiSystems, controls, results) { SupplierTiers = tiers, Suppliers = suppliers };
    }

    private static OrganizationProfile? ReadProfile(YamlFile yaml, YamlMappingNode organization, Catalog catalog)
    {
        yaml.AllowOnly(organization, "name", "sector", "employees", "locations", "certifications");
        var name = yaml.RequiredString(organization, "name", "the organization");
        var employees = yaml.OptionalNumber(organization, "employees", 1, 10_000_000);
        if (employees % 1 is > 0)
        {
            yaml.Error(YamlFile.Get(organization, "employees")!, "'employees' must be a whole number");
        }

        var certifications = new List<Certification>();
        foreach (var item in yaml.Items(organization, "certifications", required: false))
        {
            yaml.AllowOnly(item, "framework", "since", "certificationBody");
            var framework = yaml.RequiredString(item, "framework", "a certification");
            if (framework is not null && catalog.FindFramework(framework) is null)
            {
                yaml.Error(YamlFile.Get(item, "framework")!, $"unknown framework '{framework}'");
            }

            certifications.Add(new Certification(framework ?? string.Empty, yaml.OptionalDate(item, "since"), yaml.OptionalString(item, "certificationBody")));
        }

        var locations = yaml.Scalars(organization, "locations").Select(s => s.Value!).ToArray();
        return name is null
            ? null
            : new OrganizationProfile(name, yaml.OptionalString(organization, "sector"), (int?)employees, locations, certifications);
    }

    private static AiSystemEntry[] ReadAiSystems(YamlFile yaml, YamlMappingNode root)
    {
        var systems = new List<AiSystemEntry>();
        foreach (var item in yaml.Items(root, "aiSystems", required: false))
        {
            yaml.AllowOnly(item, "id", "name", "purpose", "roles", "euAiActRole", "euAiActClass", "role", "lifecycleStage", "supplier");
            var id = yaml.RequiredString(item, "id", "an AI system");
            if (id is not null && RecordKey.Problem(id, "AI-03") is { } systemKeyProblem)
            {
                yaml.Error(YamlFile.Get(item, "id")!, $"AI system '{id}': {systemKeyProblem}");
            }

            var name = yaml.RequiredString(item, "name", $"AI system '{id}'");
            var roles = ReadAiRoles(yaml, item, $"AI system '{id}'");

            var stage = yaml.OptionalString(item, "lifecycleStage");
            if (stage is not null && !LifecycleStages.Contains(stage, StringComparer.Ordinal))
            {
                yaml.Error(YamlFile.Get(item, "lifecycleStage")!, $"unknown life-cycle stage '{stage}' (expected {string.Join(", ", LifecycleStages)})");
            }

            var euAiActClass = yaml.OptionalString(item, "euAiActClass");
            if (euAiActClass is not null && EuAiActClasses.Find(euAiActClass) is null)
            {
                yaml.Error(YamlFile.Get(item, "euAiActClass")!, $"AI system '{id}': unknown EU AI Act class '{euAiActClass}' (expected {string.Join(", ", EuAiActClasses.Tokens)})");
            }

            if (id is not null && systems.Any(s => s.Id == id))
            {
                yaml.Error(item, $"duplicate AI system id '{id}'");
            }
            else if (id is not null && name is not null && roles is not null)
            {
                systems.Add(new AiSystemEntry(id, name, yaml.OptionalString(item, "purpose"), roles.Value.Roles, roles.Value.EuAiActRole, stage, yaml.OptionalString(item, "supplier"), euAiActClass));
            }
        }

        return systems.ToArray();
    }

    /// <summary>
    /// The ISO/IEC 22989 roles and the optional EU AI Act role; a file written before them has the old single
    /// <c>role</c>, read the way the database migration read stored systems so the same file imports the same.
    /// </summary>
    private static (IReadOnlyList<string> Roles, string? EuAiActRole)? ReadAiRoles(YamlFile yaml, YamlMappingNode item, string what)
    {
        var euAiActRole = yaml.OptionalString(item, "euAiActRole");
        if (AiRoles.EuAiActProblem(euAiActRole) is { } euProblem)
        {
            yaml.Error(YamlFile.Get(item, "euAiActRole")!, $"{what}: {euProblem}");
        }

        var roleNode = YamlFile.Get(item, "roles");
        if (YamlFile.Get(item, "role") is { } oldNode)
        {
            var old = yaml.OptionalString(item, "role");
            if (roleNode is not null)
            {
                yaml.Error(oldNode, $"{what} has both 'roles' and the old 'role'; keep 'roles'");
                return null;
            }

            if (old is null || !AiRoles.Legacy.TryGetValue(old, out var legacy))
            {
                yaml.Error(oldNode, $"{what}: unknown role '{old}' (the old single role is one of {string.Join(", ", AiRoles.Legacy.Keys)}; new files list 'roles', one or more of {string.Join(", ", AiRoles.Tokens)})");
                return null;
            }

            return (legacy.Roles, euAiActRole ?? legacy.EuAiActRole);
        }

        var given = yaml.Scalars(item, "roles");
        if (AiRoles.Problem(given.Select(s => s.Value).ToArray()) is { } problem)
        {
            yaml.Error(roleNode ?? item, $"{what}: {problem}");
            return null;
        }

        return (AiRoles.Normalize(given.Select(s => s.Value)), euAiActRole);
    }

    private static OrganizationControl[] ReadControls(YamlFile yaml, YamlMappingNode root, Catalog catalog)
    {
        var controls = new List<OrganizationControl>();
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var item in yaml.Items(root, "controls", required: false))
        {
            yaml.AllowOnly(item, "id", "name", "owner", "status", "satisfies", "evidence");
            var id = yaml.RequiredString(item, "id", "a control");
            if (id is not null && RecordKey.Problem(id, "C-12") is { } controlKeyProblem)
            {
                yaml.Error(YamlFile.Get(item, "id")!, $"control '{id}': {controlKeyProblem}");
            }

            var name = yaml.RequiredString(item, "name", $"control '{id}'");
            var status = yaml.Choice(item, "status", OrganizationValues.Statuses, $"control '{id}'", required: true);

            var satisfies = new List<string>();
            foreach (var requirement in yaml.Scalars(item, "satisfies"))
            {
                if (catalog.FindRequirement(requirement.Value!) is null)
                {
                    yaml.Error(requirement, $"unknown requirement id '{requirement.Value}' (write it as framework:ref, e.g. iso27001-2022:A.5.15)");
                }
                else if (!satisfies.Contains(requirement.Value!))
                {
                    satisfies.Add(requirement.Value!);
                }
            }

            var evidence = new List<EvidenceReference>();
            foreach (var entry in yaml.Items(item, "evidence", required: false))
            {
                yaml.AllowOnly(entry, "title", "date", "expires", "url", "file", "sha256", "note");
                var title = yaml.RequiredString(entry, "title", "an evidence entry");
                var date = yaml.OptionalDate(entry, "date");
                var expires = yaml.OptionalDate(entry, "expires");
                var url = yaml.OptionalString(entry, "url");
                var fileName = yaml.OptionalString(entry, "file");
                var sha256 = yaml.OptionalString(entry, "sha256");
                if (url is not null && !EvidenceValues.IsWebAddress(url))
                {
                    yaml.Error(entry, $"evidence url '{url}' is not an http or https address");
                }

                if ((fileName is null) != (sha256 is null) || (sha256 is not null && !EvidenceValues.IsSha256(sha256)))
                {
                    yaml.Error(entry, "a file evidence entry needs both 'file' and 'sha256' (64 hexadecimal digits)");
                }

                if (date is not null && expires is not null && expires < date)
                {
                    yaml.Error(entry, "evidence expires before its date");
                }

                if (title is not null)
                {
                    var kind = url is not null ? EvidenceKind.Link : fileName is not null ? EvidenceKind.File : EvidenceKind.Record;
                    evidence.Add(new EvidenceReference(title, date, expires, kind, url ?? fileName, sha256?.ToLowerInvariant(), yaml.OptionalString(entry, "note")));
                }
            }

            if (id is not null && !seen.TryAdd(id, item))
            {
                yaml.Error(item, $"duplicate control id '{id}' (first at line {seen[id].Start.Line})");
                continue;
            }

            if (id is not null && name is not null && status is not null)
            {
                controls.Add(new OrganizationControl(id, name, yaml.OptionalString(item, "owner"), status.Value, satisfies, evidence));
            }
        }

        return controls.ToArray();
    }

    private static DirectResult[] ReadResults(YamlFile yaml, YamlMappingNode root, Catalog catalog)
    {
        var results = new List<DirectResult>();
        foreach (var item in yaml.Items(root, "results", required: false))
        {
            yaml.AllowOnly(item, "requirement", "result", "reason");
            var requirement = yaml.RequiredString(item, "requirement", "a result");
            var result = yaml.Choice(item, "result", OrganizationValues.Results, $"the result for '{requirement}'", required: true);
            if (requirement is not null && catalog.FindRequirement(requirement) is null)
            {
                yaml.Error(YamlFile.Get(item, "requirement")!, $"unknown requirement id '{requirement}'");
                continue;
            }

            if (requirement is not null && result == RequirementResult.NotApplicable)
            {
                yaml.Error(YamlFile.Get(item, "result")!, OrganizationValues.NotApplicableRefusal(catalog, catalog.GetRequirement(requirement)));
                continue;
            }

            if (requirement is not null && results.Any(r => r.RequirementId == requirement))
            {
                yaml.Error(item, $"two results for '{requirement}'");
                continue;
            }

            if (requirement is not null && result is not null)
            {
                results.Add(new DirectResult(requirement, result.Value, yaml.OptionalString(item, "reason")));
            }
        }

        return results.ToArray();
    }

    private static SupplierTier[]? ReadSupplierTiers(YamlFile yaml, YamlMappingNode root)
    {
        if (YamlFile.Get(root, "supplierTiers") is null)
        {
            return null;
        }

        var tiers = new List<SupplierTier>();
        foreach (var item in yaml.Items(root, "supplierTiers", required: true))
        {
            yaml.AllowOnly(item, "key", "name", "reviewMonths", "criteria");
            var key = yaml.RequiredString(item, "key", "a supplier tier");
            var name = yaml.RequiredString(item, "name", $"supplier tier '{key}'");
            var months = yaml.OptionalNumber(item, "reviewMonths", 1, 60);
            if (months is null || months % 1 is > 0)
            {
                yaml.Error(item, $"supplier tier '{key}' needs 'reviewMonths', a whole number of months from 1 to 60");
            }
            else if (key is not null && tiers.Any(t => t.Key == key))
            {
                yaml.Error(item, $"duplicate supplier tier '{key}'");
            }
            else if (key is not null && name is not null)
            {
                tiers.Add(new SupplierTier(key, name, yaml.OptionalString(item, "criteria") ?? string.Empty, (int)months.Value));
            }
        }

        return tiers.ToArray();
    }

    private static SupplierEntry[] ReadSuppliers(YamlFile yaml, YamlMappingNode root, IReadOnlyList<SupplierTier> tiers, AiSystemEntry[] aiSystems, OrganizationControl[] controls, IReadOnlyList<QuestionnaireTemplate> questionnaires)
    {
        var suppliers = new List<(SupplierEntry Entry, YamlMappingNode Node)>();
        foreach (var item in yaml.Items(root, "suppliers", required: false))
        {
            yaml.AllowOnly(item, "id", "name", "services", "kind", "tier", "dataProcessed", "status", "contacts", "certifications", "contracts", "reviews", "offboarding", "aiSystems", "risks", "controls", "subProcessors", "questionnaires");
            var id = yaml.RequiredString(item, "id", "a supplier");
            if (id is not null && RecordKey.Problem(id, "SUP-3") is { } keyProblem)
            {
                yaml.Error(YamlFile.Get(item, "id")!, $"supplier '{id}': {keyProblem}");
            }

            var what = $"supplier '{id}'";
            var name = yaml.RequiredString(item, "name", what);
            var kindText = yaml.RequiredString(item, "kind", what);
            var kind = SupplierVocabulary.Kind(kindText);
            if (kindText is not null && kind is null)
            {
                yaml.Error(YamlFile.Get(item, "kind")!, $"{what}: unknown kind '{kindText}' (cloud, software, data-provider, model-provider, outsourced-process, other)");
            }

            var tier = yaml.RequiredString(item, "tier", what);
            if (tier is not null && !tiers.Any(t => t.Key == tier))
            {
                yaml.Error(YamlFile.Get(item, "tier")!, $"{what}: unknown tier '{tier}' (the file's tiers: {string.Join(", ", tiers.Select(t => t.Key))})");
            }

            var statusText = yaml.OptionalString(item, "status") ?? "proposed";
            var status = SupplierVocabulary.Status(statusText);
            if (status is null)
            {
                yaml.Error(YamlFile.Get(item, "status")!, $"{what}: unknown status '{statusText}' (proposed, active, offboarding, ended)");
            }

            var contacts = new List<SupplierContact>();
            foreach (var entry in yaml.Items(item, "contacts", required: false))
            {
                yaml.AllowOnly(entry, "name", "position", "email");
                if (yaml.RequiredString(entry, "name", $"a contact of {what}") is { } contact)
                {
                    contacts.Add(new SupplierContact(contact, yaml.OptionalString(entry, "position"), yaml.OptionalString(entry, "email")));
                }
            }

            var certifications = new List<SupplierCertification>();
            foreach (var entry in yaml.Items(item, "certifications", required: false))
            {
                yaml.AllowOnly(entry, "scheme", "name", "expires", "evidenceUrl");
                var schemeText = yaml.RequiredString(entry, "scheme", $"a certification of {what}");
                var url = yaml.OptionalString(entry, "evidenceUrl");
                if (url is not null && !EvidenceValues.IsWebAddress(url))
                {
                    yaml.Error(entry, $"{what}: certification evidence '{url}' is not an http or https address");
                }

                if (SupplierVocabulary.Scheme(schemeText) is { } scheme)
                {
                    certifications.Add(new SupplierCertification(scheme, yaml.OptionalString(entry, "name"), yaml.OptionalDate(entry, "expires"), url));
                }
                else if (schemeText is not null)
                {
                    yaml.Error(entry, $"{what}: unknown certification scheme '{schemeText}' (iso27001, iso42001, soc2, other)");
                }
            }

            var contracts = new List<SupplierContract>();
            foreach (var entry in yaml.Items(item, "contracts", required: false))
            {
                yaml.AllowOnly(entry, "title", "starts", "ends", "renewalOn", "clauses");
                var title = yaml.RequiredString(entry, "title", $"a contract of {what}");
                var clauses = new List<ContractClause>();
                foreach (var clause in yaml.Scalars(entry, "clauses"))
                {
                    if (SupplierVocabulary.Clause(clause.Value) is { } known)
                    {
                        clauses.Add(known);
                    }
                    else
                    {
                        yaml.Error(clause, $"{what}: unknown contract clause '{clause.Value}' (security, confidentiality, ai-use-of-customer-data, model-change-notice, incident-notification, audit-rights, sub-processors)");
                    }
                }

                if (title is not null)
                {
                    contracts.Add(new SupplierContract(title, yaml.OptionalDate(entry, "starts"), yaml.OptionalDate(entry, "ends"), yaml.OptionalDate(entry, "renewalOn"), clauses.Distinct().Order().ToArray()));
                }
            }

            var reviews = new List<SupplierReview>();
            foreach (var entry in yaml.Items(item, "reviews", required: false))
            {
                yaml.AllowOnly(entry, "on", "reviewer", "outcome", "notes");
                var on = yaml.OptionalDate(entry, "on");
                var reviewer = yaml.RequiredString(entry, "reviewer", $"a review of {what}");
                var outcomeText = yaml.RequiredString(entry, "outcome", $"a review of {what}");
                var outcome = SupplierVocabulary.Outcome(outcomeText);
                if (on is null)
                {
                    yaml.Error(entry, $"{what}: a review needs its date 'on'");
                }
                else if (outcomeText is not null && outcome is null)
                {
                    yaml.Error(entry, $"{what}: unknown review outcome '{outcomeText}' (satisfactory, conditional, unsatisfactory)");
                }
                else if (reviewer is not null && outcome is not null)
                {
                    reviews.Add(new SupplierReview(on.Value, reviewer, outcome.Value, yaml.OptionalString(entry, "notes")));
                }
            }

            var offboarding = OffboardingChecklist.None;
            if (YamlFile.Get(item, "offboarding") is YamlMappingNode checklist)
            {
                yaml.AllowOnly(checklist, "accessRemovedOn", "dataReturnedOn", "dataDeletedOn");
                offboarding = new OffboardingChecklist(yaml.OptionalDate(checklist, "accessRemovedOn"), yaml.OptionalDate(checklist, "dataReturnedOn"), yaml.OptionalDate(checklist, "dataDeletedOn"));
            }

            if (status == SupplierStatus.Ended && !offboarding.Complete)
            {
                yaml.Error(item, $"{what} is ended, but its offboarding checklist does not record access removed and the data returned or deleted");
            }

            var systems = new List<SupplierAiSystemEntry>();
            foreach (var entry in yaml.Items(item, "aiSystems", required: false))
            {
                yaml.AllowOnly(entry, "aiSystem", "aiRole");
                var system = yaml.RequiredString(entry, "aiSystem", $"an AI system link of {what}");
                var role = yaml.RequiredString(entry, "aiRole", $"an AI system link of {what}");
                if (system is not null && !aiSystems.Any(a => a.Id == system))
                {
                    yaml.Error(entry, $"{what}: the file has no AI system '{system}'");
                }
                else if (role is not null && !SupplierVocabulary.AiSystemRoles.Contains(role))
                {
                    yaml.Error(entry, $"{what}: role '{role}' towards {system} is not one of {string.Join(", ", SupplierVocabulary.AiSystemRoles)}");
                }
                else if (system is not null && role is not null)
                {
                    systems.Add(new SupplierAiSystemEntry(system, role));
                }
            }

            var answered = SupplierQuestionnaireFileReader.Read(yaml, item, what, questionnaires);
            var linkedControls = yaml.Scalars(item, "controls");
            foreach (var control in linkedControls.Where(c => !controls.Any(k => k.Id == c.Value)))
            {
                yaml.Error(control, $"{what}: the file has no control '{control.Value}'");
            }

            if (id is not null && suppliers.Any(s => s.Entry.Id == id))
            {
                yaml.Error(item, $"duplicate supplier id '{id}'");
            }
            else if (name is not null && suppliers.Any(s => string.Equals(s.Entry.Name, name, StringComparison.Ordinal)))
            {
                yaml.Error(item, $"two suppliers are named '{name}'");
            }
            else if (id is not null && name is not null && kind is not null && tier is not null && status is not null)
            {
                suppliers.Add((new SupplierEntry(id, name, yaml.OptionalString(item, "services"), kind.Value, tier, yaml.OptionalString(item, "dataProcessed"), status.Value,
                    contacts, certifications, contracts, reviews.OrderBy(r => r.On).ToArray(), offboarding, systems,
                    yaml.Scalars(item, "risks").Select(s => s.Value!).ToArray(), linkedControls.Select(s => s.Value!).ToArray(), yaml.Scalars(item, "subProcessors").Select(s => s.Value!).ToArray())
                { Questionnaires = answered }, item));
            }
        }

        // Sub-processors name suppliers of the same file, never the supplier itself.
        foreach (var (entry, node) in suppliers)
        {
            foreach (var sub in entry.SubProcessors.Where(k => k == entry.Id || !suppliers.Any(s => s.Entry.Id == k)))
            {
                yaml.Error(node, sub == entry.Id ? $"supplier '{entry.Id}' names itself as a sub-processor" : $"supplier '{entry.Id}': the file has no supplier '{sub}' to be its sub-processor");
            }
        }

        return suppliers.Select(s => s.Entry).ToArray();
    }
}
