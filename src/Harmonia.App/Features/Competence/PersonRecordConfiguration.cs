using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Competence;

internal sealed class PersonRecordConfiguration : IEntityTypeConfiguration<PersonRecord>
{
    public void Configure(EntityTypeBuilder<PersonRecord> e)
    {
        e.HasIndex(p => new { p.OrganizationId, p.Name });
        e.Property(p => p.Name).HasMaxLength(200);
        e.Property(p => p.Email).HasMaxLength(320);
        e.Property(p => p.Version).IsConcurrencyToken();
        e.HasMany(p => p.RoleLinks).WithOne().HasForeignKey(l => l.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
