using Harmonia.App.Common;
using Harmonia.App.Features.Interop;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Suppliers;

/// <summary>
/// Imports the supplier register from a spreadsheet (XLSX or CSV), all or nothing. A row with a key (SUP-n) updates that
/// supplier, and only in the columns the file has: a cell that reads as the register already does changes nothing, so
/// an export edited in Excel and imported back changes exactly what was edited. A row without a key adds a supplier,
/// unless one of that name is already in the register (a file imported twice must not double the register). Suppliers
/// the file leaves out are deleted only when asked, and never one with questionnaire answers. Every change goes through
/// the same checks as the supplier form and lands in the audit trail.
/// </summary>
public sealed class ImportSupplierRegisterHandler(HarmoniaDbContext db, SupplierRegister register, SaveSupplierHandler save, SavedImportMappings mappings) : IRegisterImport
{
    public const string RegisterName = "suppliers";

    public string Register => RegisterName;

    public string RowName => "supplier";

    public IReadOnlyList<ImportField> Fields => SupplierCells.Fields;

    public async Task<ImportPreview> HandleAsync(SpreadsheetTable table, IReadOnlyDictionary<string, string>? mapping, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var columns = ImportColumns.Match(table.Headers, SupplierCells.Fields, await mappings.GetAsync(RegisterName, cancellationToken), mapping);
        var mapped = columns.Where(c => c.Field is not null).ToDictionary(c => c.Field!, c => c);
        if (!mapped.ContainsKey(SupplierCells.Key) && !mapped.ContainsKey(SupplierCells.Name))
        {
            throw new InvalidInputException("No column holds the supplier's key (SUP-n) or name; map one of the columns to 'Supplier' or 'Name'.");
        }

        var tiers = await register.TiersAsync(cancellationToken);
        var existing = (await register.AllAsync(cancellationToken)).ToDictionary(s => s.Key, StringComparer.OrdinalIgnoreCase);
        var results = new List<ImportRowResult>();
        var added = new List<(int Index, SupplierRecord Record)>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var newNames = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            string? Cell(string field) => mapped.TryGetValue(field, out var column) ? ImportColumns.Same(row.Cell(column.Index)) : null;
            var errors = new List<ImportCellError>();
            var key = Cell(SupplierCells.Key) is { Length: > 0 } k ? k : null;
            SupplierDto? before = null;
            if (key is not null)
            {
                if (!existing.TryGetValue(key, out before))
                {
                    errors.Add(new(mapped[SupplierCells.Key].Header, $"the register has no supplier {key}; leave the cell empty to add a new supplier (Harmonia numbers it)."));
                }
                else if (!seen.TryAdd(before.Key, row.Number))
                {
                    errors.Add(new(mapped[SupplierCells.Key].Header, $"{before.Key} is already on row {seen[before.Key]}; each supplier has one row."));
                    before = null;
                }
            }
            else if (Cell(SupplierCells.Name) is { Length: > 0 } newName && existing.Values.FirstOrDefault(s => string.Equals(s.Name, newName, StringComparison.OrdinalIgnoreCase)) is { } same)
            {
                errors.Add(new(mapped.GetValueOrDefault(SupplierCells.Name)?.Header, $"'{newName}' is already in the register as {same.Key}; put {same.Key} in the supplier key column to update it."));
            }
            else if (Cell(SupplierCells.Name) is { Length: > 0 } twice && !newNames.TryAdd(twice, row.Number))
            {
                errors.Add(new(mapped.GetValueOrDefault(SupplierCells.Name)?.Header, $"'{twice}' is already added on row {newNames[twice]}; each supplier has one row."));
            }

            var name = Cell(SupplierCells.Name) ?? before?.Name ?? string.Empty;
            if (errors.Count > 0)
            {
                results.Add(new ImportRowResult(row.Number, key, name, ImportActions.Error, [], errors));
                continue;
            }

            var changed = before is null
                ? mapped.Keys.Where(f => f != SupplierCells.Key && Cell(f) is { Length: > 0 }).ToList()
                : mapped.Keys.Where(f => f != SupplierCells.Key && Cell(f) != ImportColumns.Same(SupplierCells.Render(f, before))).ToList();
            if (before is not null && changed.Count == 0)
            {
                results.Add(new ImportRowResult(row.Number, before.Key, before.Name, ImportActions.Unchanged, [], []));
                continue;
            }

            var input = Input(before, changed, Cell, mapped, tiers, errors);
            if (errors.Count == 0)
            {
                try
                {
                    if (before is null)
                    {
                        added.Add((results.Count, await save.AddAsync(input, null, cancellationToken)));
                    }
                    else
                    {
                        await save.ApplyAsync(await save.LoadAsync(before.Id, cancellationToken), input, cancellationToken);
                    }
                }
                catch (InvalidInputException ex)
                {
                    errors.AddRange(ImportSteps.Problems(ex, mapped));
                }
            }

            var labels = changed.Select(f => mapped[f].Header).ToArray();
            results.Add(new ImportRowResult(row.Number, before?.Key, name, errors.Count > 0 ? ImportActions.Error : before is null ? ImportActions.Add : ImportActions.Update, labels, errors));
        }

        if (options.DeleteMissing)
        {
            await DeleteMissingAsync(existing.Values.Where(s => !seen.ContainsKey(s.Key)).ToList(), seen.Keys, results, cancellationToken);
        }

        var preview = await ImportSteps.FinishAsync(db, mappings, RegisterName, columns, results, options, cancellationToken);
        if (preview.Committed)
        {
            // The keys of added suppliers are numbered by the save.
            foreach (var (index, record) in added)
            {
                results[index] = results[index] with { Key = record.Key };
            }
        }

        return preview with { Rows = results };
    }

    private static SupplierInput Input(SupplierDto? s, List<string> changed, Func<string, string?> cell, Dictionary<string, ColumnMatch> mapped, IReadOnlyList<Domain.Suppliers.SupplierTier> tiers, List<ImportCellError> errors)
    {
        string? Text(string field) => changed.Contains(field) ? cell(field) is { Length: > 0 } t ? t : null : s is null ? null : SupplierCells.Render(field, s) is { Length: > 0 } r ? r : null;
        T Parsed<T>(string field, Func<string, List<string>, T> parse, T kept)
        {
            if (!changed.Contains(field))
            {
                return kept;
            }

            var problems = new List<string>();
            var value = parse(cell(field) ?? string.Empty, problems);
            errors.AddRange(problems.Select(p => new ImportCellError(mapped[field].Header, p)));
            return value;
        }

        var kind = Text(SupplierCells.Kind);
        var kindToken = kind is null ? null : SupplierCells.ParseKind(kind)?.ToString();
        if (kind is not null && kindToken is null)
        {
            errors.Add(new(mapped.GetValueOrDefault(SupplierCells.Kind)?.Header, $"'{kind}' is not one of: {SupplierCells.KindChoices}."));
        }

        var status = Text(SupplierCells.Status);
        if (status is not null && Domain.Suppliers.SupplierVocabulary.Status(status) is null)
        {
            errors.Add(new(mapped.GetValueOrDefault(SupplierCells.Status)?.Header, $"'{status}' is not one of: {SupplierCells.StatusChoices}."));
        }

        return new SupplierInput(
            Text(SupplierCells.Name),
            Text(SupplierCells.Services),
            kindToken,
            Text(SupplierCells.Tier) is { } tier ? tiers.FirstOrDefault(t => string.Equals(t.Key, tier, StringComparison.OrdinalIgnoreCase) || string.Equals(t.Name, tier, StringComparison.OrdinalIgnoreCase))?.Key ?? tier : null,
            Text(SupplierCells.DataProcessed),
            status,
            Parsed(SupplierCells.Contacts, (t, _) => SupplierCells.ParseContacts(t), s?.Contacts.Select(c => new SupplierContactInput(c.Name, c.Role, c.Email)).ToArray() ?? []),
            Parsed(SupplierCells.Certifications, (t, p) => SupplierCells.ParseCertifications(t, s?.Certifications ?? [], p),
                s?.Certifications.Select(c => new SupplierCertificationInput(c.Scheme.ToString(), c.Name, c.Expires, c.EvidenceUrl)).ToArray() ?? []),
            Parsed(SupplierCells.Contracts, SupplierCells.ParseContracts,
                s?.Contracts.Select(c => new SupplierContractInput(c.Title, c.Starts, c.Ends, c.RenewalOn, c.Clauses.Select(x => x.ToString()).ToArray())).ToArray() ?? []),
            s is null ? null : new SupplierOffboardingInput(s.Offboarding.AccessRemovedOn, s.Offboarding.DataReturnedOn, s.Offboarding.DataDeletedOn),
            Parsed(SupplierCells.AiSystems, SupplierCells.ParseAiSystems, s?.AiSystems.Select(a => new SupplierAiSystemInput(a.Key, a.Role)).ToArray() ?? []),
            s?.Risks ?? [],
            s?.Controls ?? [],
            s?.Evidence.Select(e => e.Id).ToArray() ?? [],
            Parsed(SupplierCells.SubProcessors, (t, _) => SupplierCells.ParseKeys(t), s?.SubProcessors ?? []));
    }

    private async Task DeleteMissingAsync(List<SupplierDto> leaving, IEnumerable<string> kept, List<ImportRowResult> results, CancellationToken cancellationToken)
    {
        var keptKeys = kept.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var leavingIds = leaving.Select(s => s.Id).ToHashSet();
        var questioned = await db.SupplierQuestionnaires.Where(q => leavingIds.Contains(q.SupplierId)).Select(q => q.SupplierId).Distinct().ToListAsync(cancellationToken);
        foreach (var supplier in leaving)
        {
            var namedBy = supplier.SubProcessorOf.Where(keptKeys.Contains).ToArray();
            string? problem = questioned.Contains(supplier.Id)
                ? $"{supplier.Key} {supplier.Name} is not in the file, but questionnaires were sent to it and their answers are records of the due diligence; keep its row (status Ended if the relationship is over)."
                : namedBy.Length > 0 ? $"{supplier.Key} {supplier.Name} is not in the file, but {string.Join(", ", namedBy)} name{(namedBy.Length == 1 ? "s" : string.Empty)} it as a sub-processor; keep its row or remove that link."
                : null;
            if (problem is null)
            {
                var record = await save.LoadAsync(supplier.Id, cancellationToken);
                foreach (var link in await db.SupplierSubProcessors.Where(l => l.SubProcessorId == supplier.Id).ToListAsync(cancellationToken))
                {
                    db.Remove(link);
                }

                db.Suppliers.Remove(record);
            }

            results.Add(new ImportRowResult(0, supplier.Key, supplier.Name, problem is null ? ImportActions.Delete : ImportActions.Error, [], problem is null ? [] : [new ImportCellError(null, problem)]));
        }
    }
}
