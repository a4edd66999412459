using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Interop;

/// <summary>Files uploaded in the browser between "upload" and "import": only their uploader continues them, for a day.</summary>
public sealed class PendingImports(HarmoniaDbContext db, TenantScope tenant, TimeProvider time)
{
    private static readonly TimeSpan Life = TimeSpan.FromDays(1);

    public async Task<Guid> StoreAsync(string userName, string register, string fileName, byte[] content, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.PendingImports.IgnoreQueryFilters().Where(p => p.CreatedUtc < now - Life).ExecuteDeleteAsync(cancellationToken);
        var pending = new PendingImport
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = tenant.OrganizationId ?? throw new InvalidOperationException("An upload needs an organization."),
            UserName = userName,
            Register = register,
            FileName = FileNames.Sanitise(fileName),
            Content = content,
            CreatedUtc = now,
        };
        db.PendingImports.Add(pending);
        await db.SaveChangesAsync(cancellationToken);
        return pending.Id;
    }

    /// <summary>Throws NotFoundException for another person's upload, another register's or one that expired.</summary>
    public async Task<PendingImport> LoadAsync(Guid id, string userName, string register, CancellationToken cancellationToken = default)
    {
        var since = time.GetUtcNow().UtcDateTime - Life;
        return await db.PendingImports.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.UserName == userName && p.Register == register && p.CreatedUtc >= since, cancellationToken)
            ?? throw new NotFoundException("upload", message: "The uploaded file is no longer here (uploads wait a day); upload it again.");
    }

    /// <summary>Keeps the mapping and options chosen on the preview, for the next look at it.</summary>
    public Task ChooseAsync(Guid id, string userName, IReadOnlyDictionary<string, string> mapping, bool deleteMissing, CancellationToken cancellationToken = default) =>
        db.PendingImports.Where(p => p.Id == id && p.UserName == userName).ExecuteUpdateAsync(
            u => u.SetProperty(p => p.MappingJson, System.Text.Json.JsonSerializer.Serialize(mapping, (System.Text.Json.JsonSerializerOptions?)null)).SetProperty(p => p.DeleteMissing, deleteMissing),
            cancellationToken);

    public Task ForgetAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.PendingImports.Where(p => p.Id == id).ExecuteDeleteAsync(cancellationToken);
}
