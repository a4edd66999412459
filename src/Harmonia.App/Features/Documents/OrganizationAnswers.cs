using Harmonia.App.Features.Organizations;

namespace Harmonia.App.Features.Documents;

/// <summary>Answers the organization's own data already gives, so nobody types them twice.</summary>
public static class OrganizationAnswers
{
    public static Answers From(OrganizationFile organization)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal) { ["org.name"] = organization.Profile.Name };
        if (organization.Profile.Sector is { } sector)
        {
            values["org.sector"] = sector;
        }

        if (organization.Profile.Employees is { } employees)
        {
            values["org.employees"] = (double)employees;
        }

        if (organization.Profile.Locations.Count > 0)
        {
            values["org.locations"] = organization.Profile.Locations;
        }

        if (organization.Profile.Certifications.FirstOrDefault(c => c.CertificationBody is not null) is { CertificationBody: { } body })
        {
            values["certification.body"] = body;
        }

        return new Answers(values);
    }
}
