using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Harmonia.App.Features.Organizations;

/// <summary>
/// The JSON Schema of the organization archive, made from the same model the export walks, so the schema cannot
/// describe another archive than the one written. docs/organization-file.schema.json is its output; a test keeps the
/// two equal and validates an exported archive against it.
/// </summary>
public static class OrganizationArchiveSchema
{
    public static string Generate(IModel model)
    {
        var definitions = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$" },
            ["utc"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{7}Z$", ["description"] = "A UTC time with seven decimals." },
            ["date"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" },
            ["sha256"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9a-f]{64}$" },
        };
        var tables = new JsonObject();
        var organization = model.FindEntityType(typeof(Organization))!;
        definitions[nameof(Organization)] = Table(organization);
        foreach (var table in OrganizationArchiveTables.Carried(model))
        {
            definitions[table.ClrType.Name] = Table(table);
            tables[table.ClrType.Name] = new JsonObject { ["type"] = "array", ["items"] = Ref(table.ClrType.Name) };
        }

        var schema = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = $"Harmonia organization archive, version {OrganizationArchive.Version}",
            ["description"] = "The whole organization as one file: see docs/organization-file.md. Tables appear in the order they can be inserted; rows by their key.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = new JsonArray("format", "version", "organization", "people", "tables"),
            ["properties"] = new JsonObject
            {
                ["format"] = new JsonObject { ["const"] = OrganizationArchive.Format },
                ["version"] = new JsonObject { ["const"] = OrganizationArchive.Version },
                ["exportedUtc"] = new JsonObject { ["type"] = "string", ["format"] = "date-time" },
                ["organization"] = Ref(nameof(Organization)),
                ["people"] = new JsonObject
                {
                    ["type"] = "array",
                    ["maxItems"] = OrganizationArchive.MaxPeople,
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["additionalProperties"] = false,
                        ["required"] = new JsonArray("id", "email", "name"),
                        ["properties"] = new JsonObject
                        {
                            ["id"] = Ref("id"),
                            ["email"] = new JsonObject { ["type"] = "string", ["maxLength"] = 256 },
                            ["name"] = new JsonObject { ["type"] = new JsonArray("string", "null") },
                        },
                    },
                },
                ["tables"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["properties"] = tables },
                ["files"] = new JsonObject
                {
                    ["type"] = "array",
                    ["maxItems"] = OrganizationArchive.MaxFiles,
                    ["items"] = new JsonObject
                    {
                        ["type"] = "object",
                        ["additionalProperties"] = false,
                        ["required"] = new JsonArray("sha256", "bytes"),
                        ["properties"] = new JsonObject { ["sha256"] = Ref("sha256"), ["bytes"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1 } },
                    },
                },
            },
            ["$defs"] = definitions,
        };
        return schema.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static JsonObject Table(IEntityType table)
    {
        var columns = OrganizationArchiveTables.Columns(table);
        var properties = new JsonObject();
        foreach (var column in columns)
        {
            properties[column.Name] = Column(column);
        }

        var required = new JsonArray();
        foreach (var key in table.FindPrimaryKey()!.Properties.Where(k => !OrganizationArchiveTables.Counted(k)))
        {
            required.Add(key.Name);
        }

        return new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["required"] = required, ["properties"] = properties };
    }

    private static JsonObject Column(IProperty column)
    {
        var type = Nullable.GetUnderlyingType(column.ClrType) ?? column.ClrType;
        JsonObject value = type switch
        {
            _ when type == typeof(string) => column.GetMaxLength() is { } max ? new JsonObject { ["type"] = "string", ["maxLength"] = max } : new JsonObject { ["type"] = "string" },
            _ when type == typeof(Guid) => Ref("id"),
            _ when type == typeof(bool) => new JsonObject { ["type"] = "boolean" },
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => new JsonObject { ["type"] = "integer" },
            _ when type == typeof(double) => new JsonObject { ["type"] = "number" },
            _ when type == typeof(DateTime) => Ref("utc"),
            _ when type == typeof(DateOnly) => Ref("date"),
            _ when type == typeof(byte[]) => new JsonObject { ["type"] = "string", ["contentEncoding"] = "base64" },
            _ when type.IsEnum => new JsonObject { ["enum"] = new JsonArray([.. Enum.GetNames(type).Select(n => (JsonNode)n)]) },
            _ => throw new NotSupportedException($"{column.DeclaringType.ClrType.Name}.{column.Name}: the archive cannot carry a {type.Name}."),
        };
        return column.IsNullable ? new JsonObject { ["anyOf"] = new JsonArray(value, new JsonObject { ["type"] = "null" }) } : value;
    }

    private static JsonObject Ref(string name) => new() { ["$ref"] = "#/$defs/" + name };
}
