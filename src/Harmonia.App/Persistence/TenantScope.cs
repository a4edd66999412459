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

    /// <summary>
    /// Whether two recorded actors are the same person: "user:a@x.example" signed in and "user:a@x.example (token
    /// hm_ab…)" through one of their tokens are one person, so segregation of duties cannot be sidestepped by switching
    /// from the browser to a token.
    /// </summary>
    public static bool SamePerson(string? first, string? second) =>
        first is not null && second is not null && string.Equals(Person(first), Person(second), StringComparison.OrdinalIgnoreCase);

    public bool Is(string? recorded) => SamePerson(Name, recorded);

    private static string Person(string actor)
    {
        var token = actor.IndexOf(" (token ", StringComparison.Ordinal);
        return (token < 0 ? actor : actor[..token]).Trim();
    }
}
