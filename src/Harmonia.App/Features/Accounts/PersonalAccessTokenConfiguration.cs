using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Accounts;

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessToken>
{
    public void Configure(EntityTypeBuilder<PersonalAccessToken> e)
    {
        e.HasIndex(t => t.TokenHash).IsUnique();
        e.Property(t => t.Name).HasMaxLength(100);
        e.Property(t => t.Prefix).HasMaxLength(16);
        e.Property(t => t.TokenHash).HasMaxLength(64);
        e.HasOne<HarmoniaUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
