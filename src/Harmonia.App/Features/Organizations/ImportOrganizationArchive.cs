using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.AuditTrail;
using Harmonia.App.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Organizations;

public sealed record OrganizationArchiveImport(Guid OrganizationId, string Name, int Rows, int PeopleCreated, int PeopleMatched, int Files);

/// <summary>
/// Imports an organization archive (ADR 0035) into a database that does not hold the organization: every record with
/// its id, the audit trail as it was (it still verifies) plus one event for the import, people matched to accounts by
/// e-mail or created without a passphrase, and the stored files after each one's SHA-256 is checked. Everything
/// is read and checked first; the records commit in one transaction, so a refusal changes nothing.
/// </summary>
public sealed class ImportOrganizationArchiveHandler(HarmoniaDbContext db, IEvidenceStore store, ILookupNormalizer normalizer, AuditActor actor, TimeProvider time)
{
    public async Task<OrganizationArchiveImport> HandleAsync(Stream input, CancellationToken cancellationToken = default)
    {
        var spool = Path.Combine(Path.GetTempPath(), $"harmonia-archive-{Guid.NewGuid():N}");
        try
        {
            await using (var copy = new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await CopyBoundedAsync(input, copy, OrganizationArchive.MaxZipBytes, "The organization archive", cancellationToken);
            }

            await using var file = new FileStream(spool, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            var head = new byte[4];
            var isZip = await file.ReadAsync(head, cancellationToken) == 4 && head is [0x50, 0x4B, 0x03, 0x04];
            file.Position = 0;
            if (!isZip)
            {
                var json = new MemoryStream();
                await CopyBoundedAsync(file, json, OrganizationArchive.MaxArchiveBytes, "The organization archive", cancellationToken);
                var archive = OrganizationArchiveReader.Read(json.GetBuffer().AsMemory(0, (int)json.Length), db.Model);
                if (archive.Files.Count > 0)
                {
                    throw new InvalidInputException($"The archive lists {archive.Files.Count} stored files but came without them: import the zip it was exported in.");
                }

                return await ImportAsync(archive, null, cancellationToken);
            }

            ZipArchive zip;
            try
            {
                zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidInputException($"The organization zip cannot be read ({e.Message}); nothing was imported.");
            }

            using (zip)
            {
                return await ImportZipAsync(zip, cancellationToken);
            }
        }
        finally
        {
            File.Delete(spool);
        }
    }

    private async Task<OrganizationArchiveImport> ImportZipAsync(ZipArchive zip, CancellationToken cancellationToken)
    {
        if (zip.Entries.Count > OrganizationArchive.MaxFiles + 1)
        {
            throw new InvalidInputException($"The organization zip holds more than {OrganizationArchive.MaxFiles} files; nothing was imported.");
        }

        var archiveEntry = zip.GetEntry(OrganizationArchive.ArchiveEntry)
            ?? throw new InvalidInputException($"The zip has no {OrganizationArchive.ArchiveEntry}: it is not an organization archive.");
        var json = new MemoryStream();
        await using (var content = await archiveEntry.OpenAsync(cancellationToken))
        {
            await CopyBoundedAsync(content, json, OrganizationArchive.MaxArchiveBytes, "The organization archive", cancellationToken);
        }

        var archive = OrganizationArchiveReader.Read(json.GetBuffer().AsMemory(0, (int)json.Length), db.Model);
        var listed = archive.Files.ToDictionary(f => f.Sha256, StringComparer.Ordinal);
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries.Where(e => e != archiveEntry))
        {
            var sha = entry.FullName.StartsWith(OrganizationArchive.FilesFolder, StringComparison.Ordinal) ? entry.FullName[OrganizationArchive.FilesFolder.Length..] : null;
            if (sha is null || !listed.ContainsKey(sha))
            {
                throw new InvalidInputException($"The zip holds '{entry.FullName}', which the archive does not list; nothing was imported.");
            }

            entries[sha] = entry;
        }

        // Every file is hashed before anything is stored or written: one changed byte refuses the whole import.
        foreach (var file in archive.Files)
        {
            if (!entries.TryGetValue(file.Sha256, out var entry))
            {
                throw new InvalidInputException($"The archive lists the stored file {file.Sha256}, but the zip does not hold it; nothing was imported.");
            }

            await using var content = await entry.OpenAsync(cancellationToken);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var bytes = await HashBoundedAsync(content, hash, file.Bytes, cancellationToken);
            var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (actual != file.Sha256 || bytes != file.Bytes)
            {
                throw new InvalidInputException($"The stored file {file.Sha256} in the zip was changed (its SHA-256 is now {actual}); nothing was imported.");
            }
        }

        return await ImportAsync(archive, entries, cancellationToken);
    }

    private async Task<OrganizationArchiveImport> ImportAsync(ReadArchive archive, Dictionary<string, ZipArchiveEntry>? files, CancellationToken cancellationToken)
    {
        if (await db.Organizations.AnyAsync(o => o.Id == archive.OrganizationId, cancellationToken))
        {
            throw new DuplicateException($"This database already holds organization {archive.OrganizationId} ('{archive.Name}'). An archive is imported into a database that does not hold the organization yet; nothing was imported.");
        }

        var trail = TrailOf(archive);
        var (created, matched, moved) = await PeopleAsync(archive.People, cancellationToken);

        // Stored by content before the rows commit; a later refusal leaves them to the orphan sweep, never a row without its file.
        if (files is not null)
        {
            foreach (var (sha, entry) in files)
            {
                await using var content = await entry.OpenAsync(cancellationToken);
                await store.SaveAsync(content, sha, sha, cancellationToken);
            }
        }

        db.Add(Materialize(db.Model.FindEntityType(typeof(Organization))!, archive.Organization, moved));
        foreach (var table in archive.Tables)
        {
            foreach (var row in table.Rows)
            {
                db.Add(Materialize(table.Table, row, moved));
            }
        }

        db.AuditEvents.Add(ImportEvent(archive, trail));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveVerbatimAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OrganizationArchiveImport(archive.OrganizationId, archive.Name, archive.Rows, created, matched, files?.Count ?? 0);
    }

    // The trail travels as it was, so it must still be a chain: an archive edited by hand (a record changed, an event
    // removed) is refused here rather than imported with a trail that no longer verifies.
    private static List<AuditEvent> TrailOf(ReadArchive archive)
    {
        var events = archive.Tables.Where(t => t.Table.ClrType == typeof(AuditEvent))
            .SelectMany(t => t.Rows.Select(r => (AuditEvent)Materialize(t.Table, r)))
            .OrderBy(e => e.Sequence)
            .ToList();
        var previous = AuditHash.Genesis;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Sequence != i + 1 || e.PreviousHash != previous || AuditHash.Compute(e) != e.Hash)
            {
                throw new InvalidInputException($"The archive's audit trail does not verify at event {i + 1}: the archive was changed after it was exported; nothing was imported.");
            }

            previous = e.Hash;
        }

        return events;
    }

    private AuditEvent ImportEvent(ReadArchive archive, List<AuditEvent> trail)
    {
        var changes = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["archive"] = new { before = (string?)null, after = $"{OrganizationArchive.Format} version {OrganizationArchive.Version}: {archive.Rows} records, {archive.Files.Count} files" },
        };
        var e = new AuditEvent
        {
            OrganizationId = archive.OrganizationId,
            Sequence = trail.Count + 1,
            OccurredUtc = AuditHash.Normalize(time.GetUtcNow().UtcDateTime),
            Actor = actor.Name,
            EntityType = nameof(Organization),
            EntityId = archive.OrganizationId.ToString("D"),
            Action = "imported",
            Changes = JsonSerializer.Serialize(changes),
            PreviousHash = trail.Count == 0 ? AuditHash.Genesis : trail[^1].Hash,
            Hash = string.Empty,
        };
        e.Hash = AuditHash.Compute(e);
        return e;
    }

    /// <summary>
    /// A person whose e-mail already has an account here is that account; anyone else gets an account under the id the
    /// archive gives, without a passphrase: it signs in once an Owner issues a reset link, or through single sign-on.
    /// Where a matched account's id differs, the records naming the person are pointed at it (<see cref="Remap"/>).
    /// </summary>
    private async Task<(int Created, int Matched, Dictionary<Guid, Guid> Moved)> PeopleAsync(IReadOnlyList<ArchivePerson> people, CancellationToken cancellationToken)
    {
        var created = 0;
        var matched = 0;
        var moved = new Dictionary<Guid, Guid>();
        foreach (var person in people)
        {
            var email = normalizer.NormalizeEmail(person.Email);
            var existing = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == email).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                matched++;
                if (id != person.Id)
                {
                    moved[person.Id] = id;
                }

                continue;
            }

            var newId = await db.Users.AnyAsync(u => u.Id == person.Id, cancellationToken) ? Guid.CreateVersion7() : person.Id;
            if (newId != person.Id)
            {
                moved[person.Id] = newId;
            }

            db.Users.Add(new HarmoniaUser
            {
                Id = newId,
                UserName = person.Email,
                NormalizedUserName = normalizer.NormalizeName(person.Email),
                Email = person.Email,
                NormalizedEmail = email,
                DisplayName = person.Name,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
                CreatedUtc = time.GetUtcNow().UtcDateTime,
            });
            created++;
        }

        return (created, matched, moved);
    }

    /// <summary>
    /// Points a value naming a moved person at their account here: an id column, or an id inside a record's text (JSON).
    /// Ids are random, so no record id passes for a person's. The audit trail is left as it was: it is the history, and
    /// its hashes cover the ids it recorded then.
    /// </summary>
    private static object? Remap(object? value, Dictionary<Guid, Guid> moved) => value switch
    {
        _ when moved.Count == 0 => value,
        Guid g => moved.GetValueOrDefault(g, g),
        string s => moved.Aggregate(s, (text, m) => text.Replace(m.Key.ToString("D"), m.Value.ToString("D"), StringComparison.OrdinalIgnoreCase)),
        _ => value,
    };

    private static object Materialize(Microsoft.EntityFrameworkCore.Metadata.IEntityType table, ArchiveRow row, Dictionary<Guid, Guid>? moved = null)
    {
        var type = table.ClrType;
        // Every mapped column is set below; a type bound through a constructor with parameters is built without running one.
        var entity = type.GetConstructor(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic, Type.EmptyTypes) is { } constructor
            ? constructor.Invoke(null)
            : System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type);
        foreach (var (column, original) in row.Values)
        {
            var value = type == typeof(AuditEvent) || moved is null ? original : Remap(original, moved);
            if (column.FieldInfo is { } field)
            {
                field.SetValue(entity, value);
            }
            else
            {
                (column.PropertyInfo ?? throw new NotSupportedException($"{type.Name}.{column.Name} has no property or field to set.")).SetValue(entity, value);
            }
        }

        return entity;
    }

    private static async Task CopyBoundedAsync(Stream from, Stream to, long limit, string what, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new InputTooLargeException(what, limit);
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    private static async Task<long> HashBoundedAsync(Stream from, IncrementalHash hash, long expected, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > expected)
            {
                // Longer than listed is a changed file; reading on would only let a zip bomb run.
                return total;
            }

            hash.AppendData(buffer.AsSpan(0, read));
        }

        return total;
    }
}
