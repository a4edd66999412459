using System.Text.Json;
using Harmonia.App.Common;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Harmonia.App.Features.Organizations;

/// <summary>One row as read: the value of every column the archive gave (a column it left out keeps the model's default).</summary>
internal sealed record ArchiveRow(IReadOnlyDictionary<IProperty, object?> Values);

internal sealed record ArchiveTable(IEntityType Table, IReadOnlyList<ArchiveRow> Rows);

internal sealed record ReadArchive(Guid OrganizationId, string Name, ArchiveRow Organization, IReadOnlyList<ArchivePerson> People, IReadOnlyList<ArchiveTable> Tables, IReadOnlyList<ArchiveFile> Files)
{
    public int Rows => Tables.Sum(t => t.Rows.Count);
}

/// <summary>
/// Reads and checks an organization archive against this version's model before anything is written: the format and
/// version, every field, table and column known, every value of its column's type, every row of the archive's
/// organization, and the limits. Each refusal is one sentence naming where the problem is.
/// </summary>
internal static class OrganizationArchiveReader
{
    private static readonly HashSet<string> TopLevel = ["format", "version", "exportedUtc", "organization", "people", "tables", "files"];

    public static ReadArchive Read(ReadOnlyMemory<byte> json, IModel model)
    {
        if (json.Length > OrganizationArchive.MaxArchiveBytes)
        {
            throw new InputTooLargeException("The organization archive", OrganizationArchive.MaxArchiveBytes);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = OrganizationArchive.MaxDepth });
        }
        catch (JsonException e)
        {
            throw new InvalidInputException($"This is not an organization archive: the JSON does not parse ({e.Message}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != OrganizationArchive.Format)
            {
                throw new InvalidInputException($"This is not an organization archive: it does not start with \"format\": \"{OrganizationArchive.Format}\".");
            }

            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number != OrganizationArchive.Version)
            {
                throw new InvalidInputException($"This organization archive is version {(root.TryGetProperty("version", out var v) ? v.GetRawText() : "(none)")}; this Harmonia reads version {OrganizationArchive.Version}.");
            }

            foreach (var field in root.EnumerateObject().Where(f => !TopLevel.Contains(f.Name)))
            {
                throw new InvalidInputException($"Unknown field '{field.Name}' in the organization archive; nothing was imported.");
            }

            var organizationTable = model.FindEntityType(typeof(Organization))!;
            var organization = Row(Required(root, "organization", JsonValueKind.Object), organizationTable, "organization");
            var id = (Guid)(organization.Values.FirstOrDefault(v => v.Key.Name == nameof(Organization.Id)).Value
                ?? throw new InvalidInputException("organization: the id is missing."));
            var name = organization.Values.FirstOrDefault(v => v.Key.Name == nameof(Organization.Name)).Value as string
                ?? throw new InvalidInputException("organization: the name is missing.");

            var people = People(Required(root, "people", JsonValueKind.Array));
            var tables = Tables(Required(root, "tables", JsonValueKind.Object), model, id);
            var files = root.TryGetProperty("files", out var listed) ? Files(listed) : [];
            return new ReadArchive(id, name, organization, people, tables, files);
        }
    }

    private static JsonElement Required(JsonElement root, string name, JsonValueKind kind) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == kind ? value
            : throw new InvalidInputException($"The organization archive has no '{name}' {(kind == JsonValueKind.Array ? "list" : "section")}.");

    private static List<ArchiveTable> Tables(JsonElement tables, IModel model, Guid organizationId)
    {
        var carried = OrganizationArchiveTables.Carried(model).ToDictionary(t => t.ClrType.Name, StringComparer.Ordinal);
        var read = new Dictionary<IEntityType, ArchiveTable>();
        var rows = 0;
        foreach (var table in tables.EnumerateObject())
        {
            if (!carried.TryGetValue(table.Name, out var type))
            {
                throw new InvalidInputException($"Unknown table '{table.Name}' in the organization archive; nothing was imported.");
            }

            if (table.Value.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidInputException($"tables.{table.Name}: expected a list of rows.");
            }

            var list = new List<ArchiveRow>();
            var index = 0;
            foreach (var element in table.Value.EnumerateArray())
            {
                if (++rows > OrganizationArchive.MaxRows)
                {
                    throw new InvalidInputException($"The organization archive has more than {OrganizationArchive.MaxRows} rows; nothing was imported.");
                }

                var where = $"tables.{table.Name}[{index++}]";
                var row = Row(element, type, where);
                if (row.Values.FirstOrDefault(v => v.Key.Name == "OrganizationId").Value is Guid owner && owner != organizationId)
                {
                    throw new InvalidInputException($"{where}: the row belongs to organization {owner}, not to the archive's {organizationId}.");
                }

                list.Add(row);
            }

            read.Add(type, new ArchiveTable(type, list));
        }

        // In the order they can be inserted, whatever order the file listed them in.
        return [.. OrganizationArchiveTables.Carried(model).Where(read.ContainsKey).Select(t => read[t])];
    }

    private static ArchiveRow Row(JsonElement element, IEntityType table, string where)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInputException($"{where}: expected a row (an object of columns).");
        }

        var columns = OrganizationArchiveTables.Columns(table).ToDictionary(c => c.Name, StringComparer.Ordinal);
        var values = new Dictionary<IProperty, object?>();
        foreach (var field in element.EnumerateObject())
        {
            if (!columns.TryGetValue(field.Name, out var column))
            {
                throw new InvalidInputException($"{where}: unknown column '{field.Name}'; nothing was imported.");
            }

            values[column] = OrganizationArchiveValues.Read(field.Value, column.ClrType, column.IsNullable, $"{where}.{field.Name}");
        }

        foreach (var key in table.FindPrimaryKey()!.Properties.Where(k => !OrganizationArchiveTables.Counted(k) && !values.ContainsKey(k)))
        {
            throw new InvalidInputException($"{where}: the key column '{key.Name}' is missing.");
        }

        return new ArchiveRow(values);
    }

    private static List<ArchivePerson> People(JsonElement people)
    {
        var list = new List<ArchivePerson>();
        foreach (var person in people.EnumerateArray())
        {
            var where = $"people[{list.Count}]";
            if (list.Count >= OrganizationArchive.MaxPeople)
            {
                throw new InvalidInputException($"The organization archive names more than {OrganizationArchive.MaxPeople} people; nothing was imported.");
            }

            if (person.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidInputException($"{where}: expected a person (id, email, name).");
            }

            foreach (var field in person.EnumerateObject().Where(f => f.Name is not ("id" or "email" or "name")))
            {
                throw new InvalidInputException($"{where}: unknown field '{field.Name}'.");
            }

            var id = (Guid)OrganizationArchiveValues.Read(Field(person, "id"), typeof(Guid), false, where + ".id")!;
            var email = (string)OrganizationArchiveValues.Read(Field(person, "email"), typeof(string), false, where + ".email")!;
            if (email.Length is 0 or > 256 || !email.Contains('@', StringComparison.Ordinal))
            {
                throw new InvalidInputException($"{where}.email: '{email}' is not an e-mail address.");
            }

            list.Add(new ArchivePerson(id, email, (string?)OrganizationArchiveValues.Read(Field(person, "name"), typeof(string), true, where + ".name")));
        }

        return list;
    }

    private static List<ArchiveFile> Files(JsonElement files)
    {
        if (files.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidInputException("files: expected a list of stored files.");
        }

        var list = new List<ArchiveFile>();
        foreach (var file in files.EnumerateArray())
        {
            var where = $"files[{list.Count}]";
            if (list.Count >= OrganizationArchive.MaxFiles)
            {
                throw new InvalidInputException($"The organization archive lists more than {OrganizationArchive.MaxFiles} files; nothing was imported.");
            }

            if (file.ValueKind != JsonValueKind.Object || file.EnumerateObject().Any(f => f.Name is not ("sha256" or "bytes")))
            {
                throw new InvalidInputException($"{where}: expected a file with only sha256 and bytes.");
            }

            var sha = (string)OrganizationArchiveValues.Read(Field(file, "sha256"), typeof(string), false, where + ".sha256")!;
            if (!EvidenceValues.IsSha256(sha))
            {
                throw new InvalidInputException($"{where}.sha256: '{sha}' is not 64 lower-case hexadecimal digits.");
            }

            list.Add(new ArchiveFile(sha, (long)OrganizationArchiveValues.Read(Field(file, "bytes"), typeof(long), false, where + ".bytes")!));
        }

        return list;
    }

    private static JsonElement Field(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : default;
}
