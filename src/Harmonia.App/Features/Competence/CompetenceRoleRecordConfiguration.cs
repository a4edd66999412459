using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Competence;

internal sealed class CompetenceRoleRecordConfiguration : IEntityTypeConfiguration<CompetenceRoleRecord>
{
    public void Configure(EntityTypeBuilder<CompetenceRoleRecord> e)
    {
        e.HasIndex(r => new { r.OrganizationId, r.Name }).IsUnique();
        e.Property(r => r.Name).HasMaxLength(200);
        e.Property(r => r.Description).HasMaxLength(2000);
        e.Property(r => r.RequiredCompetences).HasMaxLength(2000);
        e.Property(r => r.Version).IsConcurrencyToken();
    }
}
