using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Accounts;

internal sealed class HarmoniaUserConfiguration : IEntityTypeConfiguration<HarmoniaUser>
{
    public void Configure(EntityTypeBuilder<HarmoniaUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(200);
    }
}
