using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Organizations;

internal sealed class TopManagementMemberConfiguration : IEntityTypeConfiguration<TopManagementMember>
{
    public void Configure(EntityTypeBuilder<TopManagementMember> e)
    {
        e.ToTable("TopManagementMembers");
        e.HasIndex(m => new { m.OrganizationId, m.Name }).IsUnique();
        e.Property(m => m.Name).HasMaxLength(200);
        e.Property(m => m.Position).HasMaxLength(200);
        e.Property(m => m.Version).IsConcurrencyToken();
    }
}
