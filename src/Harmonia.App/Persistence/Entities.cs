namespace Harmonia.App.Persistence;

/// <summary>A row that belongs to one organization: the tenant filter hides every other organization's rows.</summary>
public interface IOrganizationRow
{
    Guid OrganizationId { get; set; }
}

/// <summary>
/// An organization's own record: besides the tenant filter it gets a foreign key to its organization, and every change
/// to it is appended to the organization's audit trail. The audit trail itself is only an <see cref="IOrganizationRow"/>.
/// </summary>
public interface IOrganizationScoped : IOrganizationRow;

/// <summary>
/// A record people refer to by a number the organization counts up (NC-1, NC-2, ...; O-1, ...). A new row is added with
/// an empty key and the save numbers it from the organization's highest key; when a concurrent writer took that number
/// first (the unique (OrganizationId, Key) index refuses the row), the save numbers it again and retries (see
/// <see cref="HarmoniaDbContext"/>). A key the caller set itself is kept as it is.
/// </summary>
public interface ISequentialKey : IOrganizationScoped
{
    /// <summary>What every key of this kind starts with, e.g. "NC-".</summary>
    string KeyPrefix { get; }

    string Key { get; }

    /// <summary>Sets the key together with every copy of it the row keeps (a nonconformity's domain JSON).</summary>
    void AssignKey(string key);
}
