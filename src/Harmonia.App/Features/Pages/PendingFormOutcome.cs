using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Harmonia.App.Features.Pages;

/// <summary>
/// What a form post leaves for the page the browser is sent to next (ADR 0023): the message, the message per field and
/// what was typed, as JSON. Kept in the database so that any web node can show it (a proxy may send the redirect to
/// another node than the post), read once, and only by the same person on the same page.
/// </summary>
public sealed class PendingFormOutcome
{
    /// <summary>The random name the browser's cookie carries.</summary>
    public required string Id { get; set; }

    /// <summary>The signed-in person's name, or empty for a form filled without an account.</summary>
    public required string UserName { get; set; }

    public required string Path { get; set; }

    public required string Json { get; set; }

    public DateTime ExpiresUtc { get; set; }
}

internal sealed class PendingFormOutcomeConfiguration : IEntityTypeConfiguration<PendingFormOutcome>
{
    public void Configure(EntityTypeBuilder<PendingFormOutcome> e)
    {
        e.Property(p => p.Id).HasMaxLength(32);
        e.Property(p => p.UserName).HasMaxLength(256);
        e.Property(p => p.Path).HasMaxLength(2048);
        e.HasIndex(p => p.ExpiresUtc);
        e.HasIndex(p => p.UserName);
    }
}
