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
