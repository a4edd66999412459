using Harmonia.App.Common;
using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Interop;
using Harmonia.App.Persistence;
using Harmonia.Domain.Risks;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Risks;

/// <summary>
/// Imports the risk register from a spreadsheet (XLSX or CSV), all or nothing (ADR 0022). Risks carry the keys people
/// give them (R-12), so every row needs one: a key in the register updates that risk in the file's columns only (a cell
/// that reads as the register does changes nothing, and a changed rating or plan withdraws the acceptance and approval
/// as the form does); a new key adds a risk. Risks the file leaves out are deleted only when asked, and never one an
/// impact assessment names.
/// </summary>
public sealed class ImportRiskRegisterHandler(HarmoniaDbContext db, SaveRiskHandler save, GetRiskMethodologyHandler methodology, SavedImportMappings mappings) : IRegisterImport
{
    public const string RegisterName = "risks";

    public string Register => RegisterName;

    public string RowName => "risk";

    public IReadOnlyList<ImportField> Fields => RiskCells.Fields;

    public async Task<ImportPreview> HandleAsync(SpreadsheetTable table, IReadOnlyDictionary<string, string>? mapping, ImportOptions options, CancellationToken cancellationToken = default)
    {
        var columns = ImportColumns.Match(table.Headers, RiskCells.Fields, await mappings.GetAsync(RegisterName, cancellationToken), mapping);
        var mapped = columns.Where(c => c.Field is not null).ToDictionary(c => c.Field!, c => c);
        if (!mapped.TryGetValue(RiskCells.Key, out var keyColumn))
        {
            throw new InvalidInputException("No column holds the risk's key (e.g. R-12); map one of the columns to 'Risk'.");
        }

        var scale = (await methodology.HandleAsync(cancellationToken)).Methodology;
        var (aiSystemKeys, controlKeys, accounts) = (await db.AiSystemKeysAsync(cancellationToken), await db.ControlKeysAsync(cancellationToken), await db.MemberAccountsAsync(cancellationToken));
        var existing = (await db.Risks.AsNoTracking().Include(r => r.ControlLinks).Include(r => r.AiSystemLinks).AsSplitQuery().ToListAsync(cancellationToken))
            .Select(r => RiskDto.From(r, scale, aiSystemKeys, controlKeys, accounts)).ToDictionary(r => r.Key, StringComparer.OrdinalIgnoreCase);
        var results = new List<ImportRowResult>();
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            string? Cell(string field) => mapped.TryGetValue(field, out var column) ? ImportColumns.Same(row.Cell(column.Index)) : null;
            var errors = new List<ImportCellError>();
            var key = Cell(RiskCells.Key) ?? string.Empty;
            if (key.Length == 0)
            {
                errors.Add(new(keyColumn.Header, "every risk needs its key (e.g. R-12); a new key adds a risk."));
            }
            else if (!seen.TryAdd(key, row.Number))
            {
                errors.Add(new(keyColumn.Header, $"{key} is already on row {seen[key]}; each risk has one row."));
            }

            var before = existing.GetValueOrDefault(key);
            var title = Cell(RiskCells.Title) ?? before?.Title ?? string.Empty;
            if (errors.Count > 0)
            {
                results.Add(new ImportRowResult(row.Number, key, title, ImportActions.Error, [], errors));
                continue;
            }

            var changed = before is null
                ? mapped.Keys.Where(f => f != RiskCells.Key && Cell(f) is { Length: > 0 }).ToList()
                : mapped.Keys.Where(f => f != RiskCells.Key && Cell(f) != ImportColumns.Same(RiskCells.Render(f, before))).ToList();
            if (before is not null && changed.Count == 0)
            {
                results.Add(new ImportRowResult(row.Number, before.Key, before.Title, ImportActions.Unchanged, [], []));
                continue;
            }

            var input = Input(key, before, changed, Cell, mapped, scale, errors);
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
                        await save.ApplyAsync((await save.LoadAsync(before.Id, cancellationToken))!, input, scale, cancellationToken);
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

            results.Add(new ImportRowResult(row.Number, key, title, errors.Count > 0 ? ImportActions.Error : before is null ? ImportActions.Add : ImportActions.Update, changed.Select(f => mapped[f].Header).ToArray(), errors));
        }

        if (options.DeleteMissing)
        {
            foreach (var risk in existing.Values.Where(r => !seen.ContainsKey(r.Key)).OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                var naming = await ImpactAssessmentReferences.NamingAsync(db, null, risk.Key, cancellationToken);
                if (naming.Count == 0)
                {
                    db.Risks.Remove((await save.LoadAsync(risk.Id, cancellationToken))!);
                }

                results.Add(new ImportRowResult(0, risk.Key, risk.Title, naming.Count == 0 ? ImportActions.Delete : ImportActions.Error, [],
                    naming.Count == 0 ? [] : [new ImportCellError(null, $"{risk.Key} is not in the file, but {string.Join(", ", naming)} name{(naming.Count == 1 ? "s" : string.Empty)} it as tracking an impact; keep its row.")]));
            }
        }

        return await ImportSteps.FinishAsync(db, mappings, RegisterName, columns, results, options, cancellationToken);
    }

    private static RiskInput Input(string key, RiskDto? r, List<string> changed, Func<string, string?> cell, Dictionary<string, ColumnMatch> mapped, RiskMethodology scale, List<ImportCellError> errors)
    {
        string? Text(string field) => changed.Contains(field) ? cell(field) is { Length: > 0 } t ? t : null : r is null ? null : RiskCells.Render(field, r) is { Length: > 0 } x ? x : null;
        int Rating(string field, IReadOnlyList<ScaleLevel> levels, int kept)
        {
            if (!changed.Contains(field))
            {
                return kept;
            }

            var problems = new List<string>();
            var value = cell(field) is { Length: > 0 } text ? RiskCells.Rating(text, levels, problems) : null;
            errors.AddRange(problems.Select(p => new ImportCellError(mapped[field].Header, p)));
            return value ?? 0;
        }

        DateOnly? Date(string field, DateOnly? kept)
        {
            if (!changed.Contains(field))
            {
                return kept;
            }

            if (cell(field) is not { Length: > 0 } text)
            {
                return null;
            }

            var date = ImportColumns.Date(text);
            if (date is null)
            {
                errors.Add(new(mapped[field].Header, $"'{text}' is not a date; write it as yyyy-mm-dd."));
            }

            return date;
        }

        IReadOnlyList<string> Many(string field, Func<string, IReadOnlyList<string>> parse, IReadOnlyList<string> kept) =>
            changed.Contains(field) ? parse(cell(field) ?? string.Empty) : kept;

        var treatment = Text(RiskCells.Treatment)?.ToLowerInvariant();
        return new RiskInput(
            key,
            Text(RiskCells.Title),
            Text(RiskCells.Description),
            Many(RiskCells.Categories, RiskCells.ParseCategories, r?.Categories ?? []),
            Many(RiskCells.RiskSources, RiskCells.ParseSources, r?.RiskSources ?? []),
            Text(RiskCells.Assets),
            Many(RiskCells.AiSystems, RiskCells.List, r?.AiSystems ?? []),
            Rating(RiskCells.InherentLikelihood, scale.Likelihood, r?.InherentLikelihood ?? 0),
            Rating(RiskCells.InherentImpact, scale.Impact, r?.InherentImpact ?? 0),
            treatment,
            Many(RiskCells.Controls, RiskCells.List, r?.Controls ?? []),
            Rating(RiskCells.ResidualLikelihood, scale.Likelihood, r?.ResidualLikelihood ?? 0),
            Rating(RiskCells.ResidualImpact, scale.Impact, r?.ResidualImpact ?? 0),
            Text(RiskCells.Owner),
            Date(RiskCells.DueOn, r?.DueOn),
            Date(RiskCells.ReviewOn, r?.ReviewOn),
            r?.OwnerAccount);
    }
}
