using Harmonia.App.Common;
using Harmonia.App.Features.Interop;
using Microsoft.AspNetCore.Mvc;

namespace Harmonia.Web.Features.Interop;

/// <summary>How the API and the pages take a register import: a multipart form with the file, and what to do with the preview.</summary>
internal static class SpreadsheetUploads
{
    /// <summary>The form's envelope around the largest file the reader accepts.</summary>
    public static readonly RequestSizeLimitAttribute RequestLimit = new(SpreadsheetReader.MaxBytes + (256 * 1024));

    /// <summary>
    /// The form's file and mapping. Read here rather than bound as parameters, so that the role and tenant checks answer
    /// before the body's type is looked at (a viewer gets 403, not 415).
    /// </summary>
    public static async Task<(string Name, byte[] Content, string? Mapping)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["file"] = ["Send the spreadsheet as multipart/form-data in a field named 'file' (and the mapping, if any, in a field named 'mapping')."] });
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var (name, content) = await ReadAsync(form.Files.GetFile("file"), cancellationToken);
        return (name, content, form.TryGetValue("mapping", out var mapping) ? mapping.ToString() : null);
    }

    /// <summary>Throws InvalidInputException when the form carries no file.</summary>
    public static async Task<(string Name, byte[] Content)> ReadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["file"] = ["Choose a spreadsheet to import: an Excel workbook (.xlsx) or a CSV file."] });
        }

        if (file.Length > SpreadsheetReader.MaxBytes)
        {
            throw new InputTooLargeException("The file", SpreadsheetReader.MaxBytes);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return (file.FileName, buffer.ToArray());
    }

    /// <summary>An import stopped by errors, as the problem details' errors: one entry per row, each problem in a sentence.</summary>
    public static InvalidInputException Refusal(ImportPreview preview) =>
        new(preview.Rows.Where(r => r.Errors.Count > 0)
            .GroupBy(r => r.Row > 0 ? $"row {r.Row}" : $"{r.Key} (not in the file)")
            .ToDictionary(g => g.Key, g => g.SelectMany(r => r.Errors.Select(e => e.Column is null ? e.Message : $"column '{e.Column}': {e.Message}")).ToArray()));

    /// <summary>The mapping a preview page sent: one select per column, named map.{index}, whose value is a field or "" to leave it out.</summary>
    public static Dictionary<string, string> MappingFrom(IFormCollection form, IReadOnlyList<string> headers)
    {
        var mapping = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Length > 0 && form.TryGetValue($"map.{i}", out var value))
            {
                mapping[headers[i]] = value.ToString();
            }
        }

        return mapping;
    }
}
