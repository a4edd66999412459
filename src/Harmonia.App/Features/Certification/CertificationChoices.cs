using Harmonia.Domain.Certification;

namespace Harmonia.App.Features.Certification;

/// <summary>The words the API, pages and CLI use for the certification choices; one place turns them into values.</summary>
public static class CertificationChoices
{
    public static readonly IReadOnlyList<string> Frameworks = [AuditTimeFacts.Isms, AuditTimeFacts.Aims];

    public static readonly IReadOnlyList<string> Standards = [AuditTimeFacts.Isms, AuditTimeFacts.Aims, "integrated"];

    public static readonly IReadOnlyList<string> Audits = ["initial", "surveillance-1", "surveillance-2", "recertification"];

    public static Complexity? Complexity(string? text) => text?.Trim() switch
    {
        "low" => Domain.Certification.Complexity.Low,
        "medium" => Domain.Certification.Complexity.Medium,
        "high" => Domain.Certification.Complexity.High,
        _ => null,
    };

    public static AiRoleCategory? AiRole(string? text) => text?.Trim() switch
    {
        "producer" => AiRoleCategory.Producer,
        "single-other-role" => AiRoleCategory.SingleOtherRole,
        "multiple-roles" => AiRoleCategory.MultipleRoles,
        _ => null,
    };

    public static string Token(AiRoleCategory role) => role switch
    {
        AiRoleCategory.Producer => "producer",
        AiRoleCategory.SingleOtherRole => "single-other-role",
        _ => "multiple-roles",
    };

    /// <summary>An audit of the cycle (one of <see cref="Audits"/>) as the certification body names it.</summary>
    public static string AuditName(string audit) => audit switch
    {
        "initial" => "Initial certification audit",
        "surveillance-1" => "Surveillance audit 1",
        "surveillance-2" => "Surveillance audit 2",
        "recertification" => "Recertification audit",
        _ => audit,
    };

    public static string Name(string standard) => standard switch
    {
        AuditTimeFacts.Isms => "ISO/IEC 27001",
        AuditTimeFacts.Aims => "ISO/IEC 42001",
        _ => "Integrated audit (ISO/IEC 27001 + ISO/IEC 42001)",
    };
}
