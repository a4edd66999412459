using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Comments;

/// <summary>A record a thread can belong to, as people name it ("risk R-12 'Stale access rights'") with its page.</summary>
public sealed record CommentTarget(string Type, Guid Id, string Name, string Link);

/// <summary>The kinds of record that carry a thread, and how to find one of the organization's records of each.</summary>
public static class CommentTargets
{
    public static readonly IReadOnlyList<string> Types = ["control", "risk", "ai-system", "document", "nonconformity", "audit", "supplier", "evidence"];

    /// <summary>The record, or null when the organization has none of that type and id (a foreign id included).</summary>
    public static async Task<CommentTarget?> FindAsync(HarmoniaDbContext db, string type, Guid id, CancellationToken cancellationToken) => type switch
    {
        "control" => await db.Controls.Where(r => r.Id == id).Select(r => new CommentTarget(type, id, $"control {r.Key} '{r.Name}'", $"controls/{id}")).SingleOrDefaultAsync(cancellationToken),
        "risk" => await db.Risks.Where(r => r.Id == id).Select(r => new CommentTarget(type, id, $"risk {r.Key} '{r.Title}'", "risks")).SingleOrDefaultAsync(cancellationToken),
        "ai-system" => await db.AiSystems.Where(r => r.Id == id).Select(r => new CommentTarget(type, id, $"AI system {r.Key} '{r.Name}'", $"ai-systems/{id}")).SingleOrDefaultAsync(cancellationToken),
        "document" => await db.Documents.Where(r => r.Id == id).Select(r => new CommentTarget(type, id, $"document '{r.Title}'", $"documents/{id}")).SingleOrDefaultAsync(cancellationToken),
        "nonconformity" => await db.Nonconformities.Where(r => r.Id == id).Select(r => new CommentTarget(type, id, $"nonconformity {r.Key}", $"nonconformities/{id}")).SingleOrDefaultAsync(cancellationToken),
        "audit" => await db.Audits.Where(r => r.Id == id).Select(r => new CommentTarget(type, id, $"audit {r.Key} '{r.Title}'", $"audits/{id}")).SingleOrDefaultAsync(cancellationToken),
        "supplier" => await db.Suppliers.Where(r => r.Id == id).Select(r => new CommentTarget(type, id, $"supplier {r.Key} '{r.Name}'", $"suppliers/{id}")).SingleOrDefaultAsync(cancellationToken),
        "evidence" => await db.Evidence.Where(r => r.Id == id).Select(r => new CommentTarget(type, id, $"evidence '{r.Title}'", $"evidence/{id}")).SingleOrDefaultAsync(cancellationToken),
        _ => null,
    };
}
