namespace Harmonia.App.Persistence;

/// <summary>
/// Saving rows exactly as they were somewhere else: an organization archive brings records with their own ids and keys
/// and the audit trail that already describes them (ADR 0035). Through the audit-trail writer every row would gain a
/// second "created" event and a renumbered key, and the carried trail would no longer be the organization's history,
/// so the import saves past it and appends its own single "imported" event, which it links into the chain itself.
/// </summary>
public abstract partial class HarmoniaDbContext
{
    internal Task<int> SaveVerbatimAsync(CancellationToken cancellationToken)
    {
        ForgetChangeToken();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess: true, cancellationToken);
    }
}
