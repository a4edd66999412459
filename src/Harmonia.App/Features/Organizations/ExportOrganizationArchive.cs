using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Harmonia.App.Features.Organizations;

/// <param name="WithFiles">Write a zip with the stored files the records name beside the archive, instead of the archive alone.</param>
public sealed record ExportOrganizationArchiveRequest(Guid OrganizationId, bool WithFiles);

public sealed record OrganizationArchiveSummary(Guid OrganizationId, string Name, int Tables, int Rows, int People, int Files);

/// <summary>
/// Writes the whole organization as an organization archive (ADR 0035, docs/organization-file.md): every carried table,
/// every mapped column, in a stable order, so the same records always give the same bytes.
/// </summary>
public sealed partial class ExportOrganizationArchiveHandler(HarmoniaDbContext db, TenantScope tenant, IEvidenceStore store, TimeProvider time)
{
    private static readonly MethodInfo RowsOf = typeof(ExportOrganizationArchiveHandler).GetMethod(nameof(Rows), BindingFlags.NonPublic | BindingFlags.Static)!;

    public async Task<OrganizationArchiveSummary> HandleAsync(ExportOrganizationArchiveRequest request, Stream output, CancellationToken cancellationToken = default)
    {
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == request.OrganizationId, cancellationToken)
            ?? throw NotFoundException.Organization(request.OrganizationId);
        tenant.Enter(organization.Id);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var tables = new List<(IEntityType Table, IReadOnlyList<IProperty> Columns, List<object?[]> Rows)>();
        foreach (var table in OrganizationArchiveTables.Carried(db.Model))
        {
            var columns = OrganizationArchiveTables.Columns(table);
            var entities = await (Task<List<object>>)RowsOf.MakeGenericMethod(table.ClrType).Invoke(null, [db, cancellationToken])!;
            var key = table.FindPrimaryKey()!.Properties;
            var rows = entities
                .Select(e => db.Entry(e))
                .OrderBy(e => SortKey(key.Select(k => e.Property(k.Name).CurrentValue)), StringComparer.Ordinal)
                .Select(e => columns.Select(c => e.Property(c.Name).CurrentValue).ToArray())
                .ToList();
            tables.Add((table, columns, rows));
        }

        var people = await PeopleAsync(tables.SelectMany(t => t.Rows).SelectMany(r => r).OfType<Guid>().ToHashSet(), cancellationToken);
        var files = request.WithFiles ? await StoredFilesAsync(tables.SelectMany(t => t.Rows).SelectMany(r => r).OfType<string>(), cancellationToken) : [];

        if (!request.WithFiles)
        {
            WriteJson(output, organization, people, tables, files);
        }
        else
        {
            using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
            await using (var entry = await zip.CreateEntry(OrganizationArchive.ArchiveEntry, CompressionLevel.Optimal).OpenAsync(cancellationToken))
            {
                WriteJson(entry, organization, people, tables, files);
            }

            foreach (var file in files)
            {
                await using var source = await store.OpenAsync(file.Sha256, cancellationToken)
                    ?? throw new InvalidInputException($"The stored file {file.Sha256} disappeared while the archive was written; export again.");
                await using var target = await zip.CreateEntry(OrganizationArchive.FilesFolder + file.Sha256, CompressionLevel.Optimal).OpenAsync(cancellationToken);
                await source.CopyToAsync(target, cancellationToken);
            }
        }

        return new OrganizationArchiveSummary(organization.Id, organization.Name, tables.Count, tables.Sum(t => t.Rows.Count), people.Count, files.Count);
    }

    private void WriteJson(Stream output, Organization organization, IReadOnlyList<ArchivePerson> people, List<(IEntityType Table, IReadOnlyList<IProperty> Columns, List<object?[]> Rows)> tables, IReadOnlyList<ArchiveFile> files)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", OrganizationArchive.Format);
        json.WriteNumber("version", OrganizationArchive.Version);
        json.WriteString("exportedUtc", time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

        json.WriteStartObject("organization");
        var entry = db.Entry(organization);
        foreach (var column in OrganizationArchiveTables.Columns(entry.Metadata))
        {
            json.WritePropertyName(column.Name);
            OrganizationArchiveValues.Write(json, entry.Property(column.Name).CurrentValue);
        }

        json.WriteEndObject();

        json.WriteStartArray("people");
        foreach (var person in people)
        {
            json.WriteStartObject();
            json.WriteString("id", person.Id.ToString("D"));
            json.WriteString("email", person.Email);
            json.WriteString("name", person.Name);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("tables");
        foreach (var (table, columns, rows) in tables)
        {
            json.WriteStartArray(table.ClrType.Name);
            foreach (var row in rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < columns.Count; i++)
                {
                    json.WritePropertyName(columns[i].Name);
                    OrganizationArchiveValues.Write(json, row[i]);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();

        if (files.Count > 0)
        {
            json.WriteStartArray("files");
            foreach (var file in files)
            {
                json.WriteStartObject();
                json.WriteString("sha256", file.Sha256);
                json.WriteNumber("bytes", file.Bytes);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    // The accounts any record names (members, owners, approvers, ...): found by value, since an account id may sit in a
    // column without a foreign key; ids are random, so a record id never passes for an account's.
    private async Task<IReadOnlyList<ArchivePerson>> PeopleAsync(HashSet<Guid> ids, CancellationToken cancellationToken)
    {
        var people = new List<ArchivePerson>();
        foreach (var chunk in ids.Chunk(500))
        {
            people.AddRange(await db.Users.AsNoTracking()
                .Where(u => chunk.Contains(u.Id))
                .Select(u => new ArchivePerson(u.Id, u.Email ?? u.UserName ?? string.Empty, u.DisplayName))
                .ToListAsync(cancellationToken));
        }

        return [.. people.OrderBy(p => p.Id.ToString("D"), StringComparer.Ordinal)];
    }

    // A stored file is named by its SHA-256, in a column or inside a record's JSON (a supplier's answer); any such value
    // the store holds travels. Hashes that are not files (a document's text hash, the audit trail's links) are not in it.
    private async Task<IReadOnlyList<ArchiveFile>> StoredFilesAsync(IEnumerable<string> values, CancellationToken cancellationToken)
    {
        var candidates = values.SelectMany(v => Sha256Pattern().Matches(v).Select(m => m.Value)).ToHashSet(StringComparer.Ordinal);
        var files = new List<ArchiveFile>();
        foreach (var sha in candidates.Order(StringComparer.Ordinal))
        {
            await using var content = await store.OpenAsync(sha, cancellationToken);
            if (content is not null)
            {
                files.Add(new ArchiveFile(sha, content.CanSeek ? content.Length : await CountAsync(content, cancellationToken)));
            }
        }

        return files;
    }

    private static async Task<long> CountAsync(Stream content, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static string SortKey(IEnumerable<object?> key) => string.Join('|', key.Select(v => v switch
    {
        long l => l.ToString("D20", CultureInfo.InvariantCulture),
        int i => i.ToString("D10", CultureInfo.InvariantCulture),
        Guid g => g.ToString("D"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v?.ToString() ?? string.Empty,
    }));

    private static async Task<List<object>> Rows<T>(HarmoniaDbContext context, CancellationToken cancellationToken)
        where T : class => [.. (await context.Set<T>().ToListAsync(cancellationToken)).Cast<object>()];

    [GeneratedRegex("(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])")]
    private static partial Regex Sha256Pattern();
}

public sealed record ArchivePerson(Guid Id, string Email, string? Name);

public sealed record ArchiveFile(string Sha256, long Bytes);
