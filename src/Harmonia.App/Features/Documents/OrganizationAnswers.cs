using Harmonia.App.Features.Organizations;

namespace Harmonia.App.Features.Documents;

/// <summary>Answers the organization's own data already gives, so nobody types them twice.</summary>
public static class OrganizationAnswers
{
    public static Answers From(OrganizationFile organization) => From(organization.Profile);

    public static Answers From(OrganizationProfile profile)
    {
        var values = new Dictionary<string, object>(StringComparer.Ordinal) { ["org.name"] = profile.Name };
        if (profile.Sector is { } sector)
        {
            values["org.sector"] = sector;
        }

        if (profile.Employees is { } employees)
        {
            values["org.employees"] = (double)employees;
        }

        if (profile.Locations.Count > 0)
        {
            values["org.locations"] = profile.Locations;
        }

        if (profile.Certifications.FirstOrDefault(c => c.CertificationBody is not null) is { CertificationBody: { } body })
        {
            values["certification.body"] = body;
        }

        return new Answers(values);
    }
}
