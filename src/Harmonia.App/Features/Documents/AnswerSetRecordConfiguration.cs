using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Documents;

internal sealed class AnswerSetRecordConfiguration : IEntityTypeConfiguration<AnswerSetRecord>
{
    public void Configure(EntityTypeBuilder<AnswerSetRecord> e)
    {
        e.HasIndex(a => new { a.OrganizationId, a.Version }).IsUnique();
        e.Property(a => a.CreatedBy).HasMaxLength(200);
    }
}
