using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Accounts;

internal sealed class AccountSecurityEventConfiguration : IEntityTypeConfiguration<AccountSecurityEvent>
{
    public void Configure(EntityTypeBuilder<AccountSecurityEvent> e)
    {
        e.HasIndex(x => new { x.UserId, x.OccurredUtc });
        e.Property(x => x.Kind).HasMaxLength(40);
        e.Property(x => x.Detail).HasMaxLength(300);
        e.Property(x => x.Address).HasMaxLength(64);
        e.HasOne<HarmoniaUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganizationSecurityEventConfiguration : IEntityTypeConfiguration<OrganizationSecurityEvent>
{
    public void Configure(EntityTypeBuilder<OrganizationSecurityEvent> e)
    {
        e.Property(x => x.Kind).HasMaxLength(40);
        e.HasIndex(x => new { x.OrganizationId, x.UserId });
    }
}

internal sealed class PassphraseResetConfiguration : IEntityTypeConfiguration<PassphraseResetRecord>
{
    public void Configure(EntityTypeBuilder<PassphraseResetRecord> e)
    {
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.Property(x => x.TokenHash).HasMaxLength(64);
        e.HasOne<HarmoniaUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
