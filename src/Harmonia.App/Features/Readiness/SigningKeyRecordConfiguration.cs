using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Readiness;

internal sealed class SigningKeyRecordConfiguration : IEntityTypeConfiguration<SigningKeyRecord>
{
    public void Configure(EntityTypeBuilder<SigningKeyRecord> e)
    {
        e.HasIndex(k => k.OrganizationId).IsUnique();
        e.Property(k => k.PublicKey).HasMaxLength(400);
        e.Property(k => k.ProtectedPrivateKey).HasMaxLength(2000);
    }
}
