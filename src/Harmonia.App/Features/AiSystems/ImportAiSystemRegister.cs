using Harmonia.App.Common;
using Harmonia.App.Features.Interop;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.AiSystems;

/// <summary>
/// Imports the AI system register from a spreadsheet (XLSX or CSV), all or nothing (ADR 0022). AI systems carry the
/// keys people give them (AI-03), so every row needs one: a key in the register updates that system in the file's
/// columns only (a cell that reads as the register does, in its words or in the API's tokens, changes nothing, and
/// what the sheet does not carry, such as data sources, stays); a new key adds a system. Systems the file leaves out
/// are deleted only when asked, and never one with impact assessments, AI evidence, concerns or risks naming it.
/// Every change goes through the checks of the AI system form and lands in the audit trail.
/// </summary>
public sealed class ImportAiSystemRegisterHandler(HarmoniaDbContext db, ListAiSystemsHandler list, SaveAiSystemHandler save, DeleteAiSystemHandler delete, SavedImportMappings mappings) : IRegisterImport
{
    public const string RegisterName = "ai-systems";

    public string Register => RegisterName;

    public string RowName => "AI system";

    public IReadOnlyList<ImportField> Fields => AiSystemCells.Fields;

    public async Task<ImportPreview> HandleAsync(SpreadsheetTable table, IReadOnlyDictionary<string, string>? mapping, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var columns = ImportColumns.Match(table.Headers, AiSystemCells.Fields, await mappings.GetAsync(RegisterName, cancellationToken), mapping);
        var mapped = columns.Where(c => c.Field is not null).ToDictionary(c => c.Field!, c => c);
        if (!mapped.TryGetValue(AiSystemCells.Key, out var keyColumn))
        {
            throw new InvalidInputException("No column holds the AI system's key (e.g. AI-03); map one of the columns to 'Key'.");
        }

        var existing = (await list.MatchingAsync(new AiSystemFilter(null, null), null, cancellationToken)).ToDictionary(a => a.Key, StringComparer.OrdinalIgnoreCase);
        var results = new List<ImportRowResult>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            string? Cell(string field) => mapped.TryGetValue(field, out var column) ? ImportColumns.Same(row.Cell(column.Index)) : null;
            var errors = new List<ImportCellError>();
            var key = Cell(AiSystemCells.Key) ?? string.Empty;
            if (key.Length == 0)
            {
                errors.Add(new(keyColumn.Header, "every AI system needs its key (e.g. AI-03); a new key adds a system."));
            }
            else if (!seen.TryAdd(key, row.Number))
            {
                errors.Add(new(keyColumn.Header, $"{key} is already on row {seen[key]}; each AI system has one row."));
            }

            var before = existing.GetValueOrDefault(key);
            var name = Cell(AiSystemCells.Name) is { Length: > 0 } typed ? typed : before?.Name ?? string.Empty;
            if (errors.Count > 0)
            {
                results.Add(new ImportRowResult(row.Number, key, name, ImportActions.Error, [], errors));
                continue;
            }

            var changed = before is null
                ? mapped.Keys.Where(f => f != AiSystemCells.Key && Cell(f) is { Length: > 0 }).ToList()
                : mapped.Keys.Where(f => f != AiSystemCells.Key && AiSystemCells.Differs(f, Cell(f)!, before)).ToList();
            if (before is not null && changed.Count == 0)
            {
                results.Add(new ImportRowResult(row.Number, before.Key, before.Name, ImportActions.Unchanged, [], []));
                continue;
            }

            var input = Input(key, before, changed, Cell, mapped, errors);
            if (errors.Count == 0)
            {
                try
                {
                    if (before is null)
                    {
                        await save.AddAsync(input, cancellationToken);
                    }
                    else
                    {
                        await save.ApplyAsync(before.Id, input, cancellationToken);
                    }
                }
                catch (InvalidInputException ex)
                {
                    errors.AddRange(ImportSteps.Problems(ex, mapped));
                }
                catch (DuplicateException ex)
                {
                    errors.Add(new ImportCellError(keyColumn.Header, ex.Message));
                }
            }

            results.Add(new ImportRowResult(row.Number, before?.Key ?? key, name, errors.Count > 0 ? ImportActions.Error : before is null ? ImportActions.Add : ImportActions.Update, changed.Select(f => mapped[f].Header).ToArray(), errors));
        }

        if (options.DeleteMissing)
        {
            foreach (var system in existing.Values.Where(a => !seen.ContainsKey(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                string? problem = null;
                try
                {
                    await delete.RemoveAsync(system.Id, cancellationToken);
                }
                catch (InvalidInputException ex)
                {
                    problem = $"{system.Key} is not in the file, but it stays: {ex.Message} Keep its row (In scope: No).";
                }

                results.Add(new ImportRowResult(0, system.Key, system.Name, problem is null ? ImportActions.Delete : ImportActions.Error, [], problem is null ? [] : [new ImportCellError(null, problem)]));
            }
        }

        return await ImportSteps.FinishAsync(db, mappings, RegisterName, columns, results, options, cancellationToken);
    }

    /// <summary>What the form would send: the file's cells where they differ, the register's own values elsewhere.</summary>
    private static AiSystemInput Input(string key, AiSystemDto? a, List<string> changed, Func<string, string?> cell, Dictionary<string, ColumnMatch> mapped, List<ImportCellError> errors)
    {
        string? Text(string field, string? kept) => changed.Contains(field) ? cell(field) is { Length: > 0 } t ? t : null : kept;
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

        return new AiSystemInput(
            key,
            Text(AiSystemCells.Name, a?.Name),
            Text(AiSystemCells.Purpose, a?.Purpose),
            Parsed(AiSystemCells.Roles, AiSystemCells.ParseRoles, a?.Roles ?? []),
            Parsed(AiSystemCells.EuAiActRole, AiSystemCells.ParseEuAiActRole, a?.EuAiActRole),
            Parsed(AiSystemCells.LifecycleStage, (t, p) => AiSystemCells.ParseChoice(t, AiSystemWords.Stages, p), a?.LifecycleStage),
            Text(AiSystemCells.ModelType, a?.ModelType),
            Text(AiSystemCells.Supplier, a?.Supplier),
            a?.DataSources ?? [],
            Parsed(AiSystemCells.HumanOversight, (t, p) => AiSystemCells.ParseChoice(t, AiSystemWords.OversightModes, p), a?.HumanOversight),
            Parsed(AiSystemCells.Autonomy, (t, p) => AiSystemCells.ParseChoice(t, AiSystemWords.AutonomyLevels, p), a?.Autonomy),
            Text(AiSystemCells.AffectedPeople, a?.AffectedPeople),
            Text(AiSystemCells.IntendedUse, a?.IntendedUse),
            Text(AiSystemCells.ForeseeableMisuse, a?.ForeseeableMisuse),
            Parsed(AiSystemCells.EuAiActClass, (t, p) => AiSystemCells.ParseChoice(t, AiSystemWords.EuAiActClasses, p), a?.EuAiActClass),
            Parsed(AiSystemCells.Controls, (t, _) => AiSystemCells.List(t), a?.Controls ?? []),
            Parsed(AiSystemCells.InScope, AiSystemCells.ParseInScope, a?.InScope ?? true),
            PeriodOfUse: Text(AiSystemCells.PeriodOfUse, a?.PeriodOfUse));
    }
}
