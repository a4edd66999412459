using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Competence;

internal sealed class PersonRoleLinkConfiguration : IEntityTypeConfiguration<PersonRoleLink>
{
    public void Configure(EntityTypeBuilder<PersonRoleLink> e)
    {
        e.HasKey(l => new { l.PersonId, l.RoleId });
        e.HasOne<CompetenceRoleRecord>().WithMany().HasForeignKey(l => l.RoleId).OnDelete(DeleteBehavior.Cascade);
    }
}
