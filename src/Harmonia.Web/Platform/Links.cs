namespace Harmonia.Web.Platform;

/// <summary>
/// Every address of an organization's pages, in one place: pages, redirects and the navigation build links here
/// instead of writing "/orgs/..." by hand, so a route changes in one file.
/// </summary>
public static class Links
{
    public static string Organization(Guid orgId) => $"/orgs/{orgId}";

    public static string Gap(Guid orgId, string target = "iso42001-2023") => $"/orgs/{orgId}/gap/{target}";

    public static string Requirement(Guid orgId, string requirementId) => $"/orgs/{orgId}/requirements/{Uri.EscapeDataString(requirementId)}";

    public static string Soa(Guid orgId, string framework = "iso27001-2022") => $"/orgs/{orgId}/soa/{framework}";

    public static string Controls(Guid orgId) => $"/orgs/{orgId}/controls";

    public static string Control(Guid orgId, Guid controlId) => $"/orgs/{orgId}/controls/{controlId}";

    public static string Evidence(Guid orgId) => $"/orgs/{orgId}/evidence";

    public static string EvidenceItem(Guid orgId, Guid evidenceId) => $"/orgs/{orgId}/evidence/{evidenceId}";

    public static string Webhooks(Guid orgId) => $"/orgs/{orgId}/webhooks";

    public static string Risks(Guid orgId) => $"/orgs/{orgId}/risks";

    public static string AiSystems(Guid orgId) => $"/orgs/{orgId}/ai-systems";

    public static string AiSystem(Guid orgId, Guid aiSystemId) => $"/orgs/{orgId}/ai-systems/{aiSystemId}";

    public static string ImpactAssessment(Guid orgId, Guid aiSystemId, int number) => $"/orgs/{orgId}/ai-systems/{aiSystemId}/impact-assessments/{number}";

    public static string Roadmap(Guid orgId) => $"/orgs/{orgId}/roadmap";

    public static string Objectives(Guid orgId) => $"/orgs/{orgId}/objectives";

    public static string Suppliers(Guid orgId) => $"/orgs/{orgId}/suppliers";

    public static string Competence(Guid orgId) => $"/orgs/{orgId}/competence";

    public static string Audits(Guid orgId) => $"/orgs/{orgId}/audits";

    public static string Audit(Guid orgId, Guid auditId) => $"/orgs/{orgId}/audits/{auditId}";

    public static string Nonconformities(Guid orgId) => $"/orgs/{orgId}/nonconformities";

    public static string Nonconformity(Guid orgId, Guid nonconformityId) => $"/orgs/{orgId}/nonconformities/{nonconformityId}";

    public static string ManagementReviews(Guid orgId) => $"/orgs/{orgId}/management-reviews";

    public static string Readiness(Guid orgId) => $"/orgs/{orgId}/readiness";

    public static string Certification(Guid orgId) => $"/orgs/{orgId}/certification";

    public static string HeldDocuments(Guid orgId, Guid certificateId) => $"/orgs/{orgId}/certification/certificates/{certificateId}/documents";

    public static string Engagements(Guid orgId) => $"/orgs/{orgId}/engagements";

    public static string Engagement(Guid orgId, Guid engagementId) => $"/orgs/{orgId}/engagements/{engagementId}";

    /// <summary>The external auditor's workspace of one engagement.</summary>
    public static string Workspace(Guid orgId, Guid engagementId) => $"/orgs/{orgId}/engagements/{engagementId}/workspace";

    public static string Documents(Guid orgId) => $"/orgs/{orgId}/documents";

    public static string Job(Guid orgId, Guid jobId) => $"/orgs/{orgId}/jobs/{jobId}";

    public static string Document(Guid orgId, Guid documentId) => $"/orgs/{orgId}/documents/{documentId}";

    public static string Questionnaire(Guid orgId) => $"/orgs/{orgId}/questionnaire";

    public static string AuditTrail(Guid orgId) => $"/orgs/{orgId}/audit-trail";

    public static string Import(Guid orgId) => $"/orgs/{orgId}/import";

    public static string Settings(Guid orgId) => $"/orgs/{orgId}/settings";

    public static string Search(Guid orgId, string? query = null) =>
        query is null ? $"/orgs/{orgId}/search" : $"/orgs/{orgId}/search?q={Uri.EscapeDataString(query)}";

    public static string MyWork(Guid orgId) => $"/orgs/{orgId}/work";

    public static string OverdueWork(Guid orgId) => $"/orgs/{orgId}/work/overdue";

    /// <summary>The navigation's sections: label, address, and the first path segments (after /orgs/{id}) that belong to it.</summary>
    /// <summary>
    /// The organization's pages grouped as the management system's cycle runs (plan, support, operate, check), so a
    /// compliance manager finds a page where the work belongs; every list page of an organization is here (ADR 0023).
    /// </summary>
    public static IReadOnlyList<(string Group, IReadOnlyList<(string Label, Func<Guid, string> Address, string[] Segments)> Items)> NavGroups { get; } =
    [
        ("Overview", [
            ("Dashboard", Organization, [string.Empty]),
            ("Roadmap", Roadmap, ["roadmap"]),
            ("Search", id => Search(id), ["search"]),
        ]),
        ("Plan", [
            ("Gap analysis", id => Gap(id), ["gap", "requirements"]),
            ("Frameworks", id => $"/orgs/{id}/frameworks", ["frameworks"]),
            ("Risks", Risks, ["risks"]),
            ("AI systems", AiSystems, ["ai-systems"]),
            ("SoA", id => Soa(id), ["soa"]),
            ("Objectives", Objectives, ["objectives"]),
        ]),
        ("Support", [
            ("Documents", Documents, ["documents", "jobs"]),
            ("Questionnaire", Questionnaire, ["questionnaire"]),
            ("Competence", Competence, ["competence"]),
            ("Suppliers", Suppliers, ["suppliers"]),
        ]),
        ("Operate", [
            ("Controls", Controls, ["controls"]),
            ("Evidence", Evidence, ["evidence"]),
            ("My work", MyWork, ["work"]),
            ("Inbox", id => $"/orgs/{id}/inbox", ["inbox"]),
            ("Recurring activities", id => $"/orgs/{id}/recurring", ["recurring"]),
        ]),
        ("Check", [
            ("Audits", Audits, ["audits"]),
            ("Nonconformities", Nonconformities, ["nonconformities"]),
            ("Review", ManagementReviews, ["management-reviews"]),
            ("Readiness", Readiness, ["readiness"]),
            ("Consistency", id => $"/orgs/{id}/consistency", ["consistency"]),
            ("Certification", Certification, ["certification"]),
            ("Engagements", Engagements, ["engagements"]),
        ]),
        ("Settings", [
            ("Settings", Settings, ["settings"]),
            ("Reminders", id => $"/orgs/{id}/reminders", ["reminders"]),
            ("Owners to resolve", id => $"/orgs/{id}/owners", ["owners"]),
            ("Audit trail", AuditTrail, ["audit-trail"]),
            ("Import / export", Import, ["import"]),
            ("Webhooks", Webhooks, ["webhooks"]),
        ]),
    ];

    /// <summary>Every entry of <see cref="NavGroups"/> in order.</summary>
    public static IReadOnlyList<(string Label, Func<Guid, string> Address, string[] Segments)> Sections { get; } =
        [.. NavGroups.SelectMany(g => g.Items)];
}
