namespace Harmonia.App.Persistence;

/// <summary>Every row that belongs to one organization; the tenant filter and the audit trail key off it.</summary>
public interface IOrganizationScoped
{
    Guid OrganizationId { get; set; }
}
