using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> e)
    {
        e.Property(o => o.Name).HasMaxLength(200);
        e.Property(o => o.Sector).HasMaxLength(200);
        e.Property(o => o.Locations).HasMaxLength(2000);
    }
}
