namespace Harmonia.App.Persistence;

/// <summary>
/// The organization the current request or command works for, set once from the route (or the CLI's --org).
/// Scoped per request; the query filter and the insert stamping read it.
/// </summary>
public sealed class TenantScope
{
    public Guid? OrganizationId { get; private set; }

    public void Enter(Guid organizationId)
    {
        if (OrganizationId is { } current && current != organizationId)
        {
            throw new InvalidOperationException("This scope already works for another organization.");
        }

        OrganizationId = organizationId;
    }
}

/// <summary>Who is making the change, as the audit trail records it ("user:alice@example.com", "cli:root").</summary>
public sealed class AuditActor
{
    public string Name { get; set; } = "system";
}
