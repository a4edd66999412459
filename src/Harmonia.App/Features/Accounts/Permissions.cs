using System.Diagnostics.CodeAnalysis;

namespace Harmonia.App.Features.Accounts;

/// <summary>What a request may do inside one organization; endpoints declare the one they need.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A permission is what this is called in the product and in access-control vocabulary.")]
public enum Permission
{
    /// <summary>Read the management system: controls, results, gap analysis, catalogs, members.</summary>
    Read,

    /// <summary>Read the audit trail.</summary>
    ReadAuditTrail,

    /// <summary>Create and change controls, evidence, results; import organization files.</summary>
    Edit,

    /// <summary>Delete controls and other records.</summary>
    Delete,

    /// <summary>Add and remove members, change roles, revoke anyone's tokens.</summary>
    ManageMembers,

    /// <summary>Approve, reject, publish and retire controlled documents (never one's own revision); change the risk methodology. (Accepting a risk is for its owner, a person, whatever their role: ADR 0011.)</summary>
    Approve,

    /// <summary>Record internal audit results and complete audits: the auditor's own work, which an Auditor may do without editing the rest.</summary>
    RecordAudit,

    /// <summary>Work in one's own external audit engagement: request evidence, sample, raise findings, download the audit pack (ADR 0019).</summary>
    Engage,
}

public static class RolePermissions
{
    private static readonly Dictionary<OrganizationRole, Permission[]> Granted = new()
    {
        [OrganizationRole.Owner] = [Permission.Read, Permission.ReadAuditTrail, Permission.Edit, Permission.Delete, Permission.ManageMembers, Permission.Approve, Permission.RecordAudit],
        [OrganizationRole.Manager] = [Permission.Read, Permission.ReadAuditTrail, Permission.Edit, Permission.Delete, Permission.Approve, Permission.RecordAudit],
        [OrganizationRole.Contributor] = [Permission.Read, Permission.Edit, Permission.RecordAudit],
        [OrganizationRole.Auditor] = [Permission.Read, Permission.ReadAuditTrail, Permission.RecordAudit],
        [OrganizationRole.Viewer] = [Permission.Read],
        [OrganizationRole.ExternalAuditor] = [Permission.Engage],
    };

    public static bool Allows(this OrganizationRole role, Permission permission) =>
        Granted.TryGetValue(role, out var permissions) && permissions.Contains(permission);
}
