using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Accounts;

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> e)
    {
        e.HasIndex(m => new { m.OrganizationId, m.UserId }).IsUnique();
        e.HasIndex(m => m.UserId);
        e.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.MappedBy).HasMaxLength(64);
        e.HasOne<HarmoniaUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
