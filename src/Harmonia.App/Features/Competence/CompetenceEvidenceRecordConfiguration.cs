using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Competence;

internal sealed class CompetenceEvidenceRecordConfiguration : IEntityTypeConfiguration<CompetenceEvidenceRecord>
{
    public void Configure(EntityTypeBuilder<CompetenceEvidenceRecord> e)
    {
        e.HasIndex(x => new { x.OrganizationId, x.PersonId });
        e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(x => x.CompetenceKey).HasMaxLength(64);
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Reference).HasMaxLength(500);
        e.Property(x => x.RecordedBy).HasMaxLength(200);
        e.HasOne<PersonRecord>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
