using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Certification;

internal sealed class CandidateBodyRecordConfiguration : IEntityTypeConfiguration<CandidateBodyRecord>
{
    public void Configure(EntityTypeBuilder<CandidateBodyRecord> e)
    {
        e.HasIndex(b => new { b.OrganizationId, b.Name, b.Standard }).IsUnique();
        e.Property(b => b.Name).HasMaxLength(200);
        e.Property(b => b.Standard).HasMaxLength(32);
        e.Property(b => b.AccreditationBody).HasMaxLength(200);
        e.Property(b => b.Languages).HasMaxLength(200);
        e.Property(b => b.Currency).HasMaxLength(8);
        e.Property(b => b.Note).HasMaxLength(2000);
        e.Property(b => b.Version).IsConcurrencyToken();
    }
}
