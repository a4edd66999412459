using System.Text.Json;

namespace Harmonia.App.Features.AuditTrail;

public sealed record AuditFieldChange(string Field, string? Before, string? After);

/// <summary>Turns a stored audit event into words a reader follows: "created control C-12", field by field changes.</summary>
public static class AuditEventText
{
    private static readonly Dictionary<string, string> EntityNames = new(StringComparer.Ordinal)
    {
        ["Organization"] = "organization",
        ["ControlRecord"] = "control",
        ["ControlRequirementLink"] = "requirement link",
        ["EvidenceRecord"] = "evidence",
        ["EvidenceVersion"] = "evidence version",
        ["RequirementResultRecord"] = "result",
        ["AiSystemRecord"] = "AI system",
        ["RiskRecord"] = "risk",
        ["RiskMethodologyRecord"] = "risk methodology",
        ["ImpactAssessmentRecord"] = "impact assessment",
        ["AiEvidenceRecord"] = "AI evidence",
        ["RiskSuggestionRecord"] = "risk suggestion",
        ["SoaVersionRecord"] = "Statement of Applicability",
        ["AuditRecord"] = "internal audit",
        ["AuditResultRecord"] = "audit result",
        ["NonconformityRecord"] = "nonconformity",
        ["ManagementReviewRecord"] = "management review",
        ["ObjectiveRecord"] = "objective",
        ["ObjectiveMeasurementRecord"] = "objective measurement",
        ["CompetenceRoleRecord"] = "role",
        ["PersonRecord"] = "person",
        ["CompetenceEvidenceRecord"] = "competence evidence",
        ["CustomCompetenceRecord"] = "competence",
        ["AuditTimeInputsRecord"] = "audit-time inputs",
        ["CertificateRecord"] = "certificate",
        ["BodyFindingRecord"] = "certification body finding",
        ["CandidateBodyRecord"] = "candidate certification body",
        ["Membership"] = "membership",
        ["PersonalAccessToken"] = "access token",
        ["MemberInvitation"] = "invitation",
        ["SupplierRecord"] = "supplier",
        ["SupplierTiersRecord"] = "supplier tiers",
        ["SupplierAiSystemLink"] = "supplier AI system link",
        ["SupplierRiskLink"] = "supplier risk link",
        ["SupplierControlLink"] = "supplier control link",
        ["SupplierEvidenceLink"] = "supplier evidence link",
        ["SupplierSubProcessorLink"] = "sub-processor link",
        ["SupplierQuestionnaireRecord"] = "supplier questionnaire",
        ["SupplierAnswerVersionRecord"] = "supplier answers version",
        ["SupplierQuestionnaireTemplateRecord"] = "supplier questionnaire template",
        ["HeldDocumentRecord"] = "document held elsewhere",
        ["OwnerAssignmentRecord"] = "owner assignment",
        ["WebhookEndpointRecord"] = "webhook",
    };

    /// <summary>Fields that name the thing, in the order they are tried.</summary>
    private static readonly string[] NamingFields = ["Key", "Title", "RequirementId", "Name", "Number", "Email", "Role"];

    private static readonly HashSet<string> Internal = new(StringComparer.Ordinal) { "Id", "OrganizationId", "ControlId", "EvidenceId", "UserId" };

    /// <summary>What the trail records, and shows, instead of key material.</summary>
    public const string KeyMaterialMark = "(key material, not recorded)";

    /// <summary>Fields holding key material, even encrypted: never written to the trail nor shown from older events.</summary>
    public static bool IsKeyMaterial(string field) =>
        field.Contains("PrivateKey", StringComparison.Ordinal) || field.StartsWith("Protected", StringComparison.Ordinal)
        || field.Contains("Secret", StringComparison.Ordinal) || field.Contains("Encrypted", StringComparison.Ordinal);

    public static string Entity(string entityType) => EntityNames.GetValueOrDefault(entityType, entityType);

    public static IReadOnlyList<AuditFieldChange> Changes(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject()
            .Where(p => !Internal.Contains(p.Name))
            .Select(p => IsKeyMaterial(p.Name)
                ? new AuditFieldChange(p.Name, Text(p.Value, "before") is null ? null : KeyMaterialMark, Text(p.Value, "after") is null ? null : KeyMaterialMark)
                : new AuditFieldChange(p.Name, Text(p.Value, "before"), Text(p.Value, "after")))
            .ToArray();
    }

    /// <summary>
    /// Who did it, as a person reads it: a member's display name (or e-mail) for "user:maria@x.example", even through one
    /// of her tokens; "the command line" and "Harmonia" for the CLI and the system.
    /// </summary>
    /// <param name="names">Display names by e-mail, of the organization's members.</param>
    public static string Person(string actor, IReadOnlyDictionary<string, string> names)
    {
        if (actor.StartsWith("user:", StringComparison.Ordinal))
        {
            var email = actor[5..].Split(" (token ", 2)[0].Trim();
            return names.GetValueOrDefault(email) ?? email;
        }

        return actor.StartsWith("cli:", StringComparison.Ordinal) ? "the command line" : actor == "system" || actor.StartsWith("system:", StringComparison.Ordinal) ? "Harmonia" : actor;
    }

    /// <summary>"created control C-12", "updated result iso42001-2023:6.1.4".</summary>
    public static string Summary(AuditEventDto e)
    {
        var changes = Changes(e.Changes);
        var name = NamingFields.Select(f => changes.FirstOrDefault(c => c.Field == f)).Where(c => c is not null)
            .Select(c => c!.After ?? c.Before).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        return name is null ? $"{e.Action} {Entity(e.EntityType)}" : $"{e.Action} {Entity(e.EntityType)} {name}";
    }

    private static string? Text(JsonElement change, string side) =>
        change.ValueKind == JsonValueKind.Object && change.TryGetProperty(side, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                JsonValueKind.String => value.GetString(),
                _ => value.GetRawText(),
            }
            : null;
}
