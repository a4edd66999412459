using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Suppliers;

internal sealed class SupplierQuestionnaireConfiguration : IEntityTypeConfiguration<SupplierQuestionnaireRecord>
{
    public void Configure(EntityTypeBuilder<SupplierQuestionnaireRecord> e)
    {
        e.HasIndex(q => q.TokenHash).IsUnique();
        e.HasIndex(q => new { q.OrganizationId, q.SupplierId });
        e.Property(q => q.TokenHash).HasMaxLength(64);
        e.Property(q => q.TemplateKey).HasMaxLength(64);
        e.Property(q => q.Title).HasMaxLength(200);
        e.Property(q => q.SentTo).HasMaxLength(256);
        e.Property(q => q.SentBy).HasMaxLength(200);
        e.Property(q => q.AcceptedBy).HasMaxLength(200);
        e.Property(q => q.Status).HasConversion<string>().HasMaxLength(32);
        e.Property(q => q.Version).IsConcurrencyToken();
        e.HasOne<SupplierRecord>().WithMany().HasForeignKey(q => q.SupplierId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SupplierAnswerVersionConfiguration : IEntityTypeConfiguration<SupplierAnswerVersionRecord>
{
    public void Configure(EntityTypeBuilder<SupplierAnswerVersionRecord> e)
    {
        e.HasIndex(v => new { v.QuestionnaireId, v.Number }).IsUnique();
        e.Property(v => v.Sha256).HasMaxLength(64);
        e.HasOne<SupplierQuestionnaireRecord>().WithMany().HasForeignKey(v => v.QuestionnaireId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SupplierQuestionnaireTemplateConfiguration : IEntityTypeConfiguration<SupplierQuestionnaireTemplateRecord>
{
    public void Configure(EntityTypeBuilder<SupplierQuestionnaireTemplateRecord> e)
    {
        e.HasIndex(t => new { t.OrganizationId, t.Key }).IsUnique();
        e.Property(t => t.Key).HasMaxLength(64);
        e.Property(t => t.Title).HasMaxLength(200);
        e.Property(t => t.Version).IsConcurrencyToken();
    }
}
