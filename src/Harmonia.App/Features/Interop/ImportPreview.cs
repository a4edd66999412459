namespace Harmonia.App.Features.Interop;

/// <summary>How an import runs: <paramref name="DryRun"/> checks and reports without saving; rows of the register that
/// the file leaves out are deleted only with <paramref name="DeleteMissing"/>.</summary>
public sealed record ImportOptions(bool DryRun, bool DeleteMissing = false, bool SaveMapping = false);

/// <summary>What an import found or did with one row. <paramref name="Action"/> is add, update, unchanged, delete or error.</summary>
public sealed record ImportRowResult(int Row, string? Key, string Name, string Action, IReadOnlyList<string> Changed, IReadOnlyList<ImportCellError> Errors);

/// <param name="Column">The column's header as the file has it, or null when the problem is the row as a whole.</param>
public sealed record ImportCellError(string? Column, string Message)
{
    public string Describe(int row) => row > 0
        ? (Column is null ? $"Row {row}: {Message}" : $"Row {row}, column '{Column}': {Message}")
        : Message;
}

/// <summary>
/// The preview of an import, or its result once committed: every row with what happens to it, and the errors that
/// stop it. An import with any error changes nothing (all or nothing).
/// </summary>
public sealed record ImportPreview(
    string Register,
    IReadOnlyList<ColumnMatch> Columns,
    IReadOnlyList<ImportRowResult> Rows,
    bool Committed)
{
    public int Added => Rows.Count(r => r.Action == ImportActions.Add);

    public int Updated => Rows.Count(r => r.Action == ImportActions.Update);

    public int Unchanged => Rows.Count(r => r.Action == ImportActions.Unchanged);

    public int Deleted => Rows.Count(r => r.Action == ImportActions.Delete);

    public int Errors => Rows.Sum(r => r.Errors.Count);

    public IEnumerable<string> ErrorLines => Rows.SelectMany(r => r.Errors.Select(e => e.Describe(r.Row)));

    public string Summary => Errors > 0
        ? $"{Errors} problem{(Errors == 1 ? string.Empty : "s")} in the file; nothing was imported."
        : $"{(Committed ? string.Empty : "Would ")}{(Committed ? "A" : "a")}dd {Added}, update {Updated}, delete {Deleted}; {Unchanged} unchanged.";
}

public static class ImportActions
{
    public const string Add = "add";
    public const string Update = "update";
    public const string Unchanged = "unchanged";
    public const string Delete = "delete";
    public const string Error = "error";
}

/// <summary>The steps every register import ends with, so each register only brings its own rows.</summary>
public static class ImportSteps
{
    /// <summary>The form's refusal as problems of the row, each in the column of the field it names when the file has one.</summary>
    public static IEnumerable<ImportCellError> Problems(Common.InvalidInputException refusal, IReadOnlyDictionary<string, ColumnMatch> mapped) =>
        refusal.Errors.Count == 0
            ? [new ImportCellError(null, refusal.Message)]
            : refusal.Errors.SelectMany(e => e.Value.Select(m => new ImportCellError(mapped.Values.FirstOrDefault(c => string.Equals(c.Field, e.Key, StringComparison.OrdinalIgnoreCase))?.Header, m)));

    /// <summary>
    /// All or nothing: a dry run or any problem forgets every change the rows made (nothing is saved); otherwise one save
    /// writes them all, with the mapping when asked, in one transaction that the audit trail records.
    /// </summary>
    public static async Task<ImportPreview> FinishAsync(Persistence.HarmoniaDbContext db, SavedImportMappings mappings, string register, IReadOnlyList<ColumnMatch> columns, List<ImportRowResult> rows, ImportOptions options, CancellationToken cancellationToken)
    {
        var preview = new ImportPreview(register, columns, rows, Committed: false);
        if (options.DryRun || preview.Errors > 0)
        {
            db.ChangeTracker.Clear();
            return preview;
        }

        if (options.SaveMapping)
        {
            await mappings.RememberAsync(register, columns, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return preview with { Committed = true };
    }
}
