using System.Globalization;
using Harmonia.Domain.Documents;

namespace Harmonia.App.Rendering;

/// <summary>Words every writer uses the same way, so the four formats say the same thing.</summary>
internal static class DocumentText
{
    public const string AddressedHeading = "Requirements addressed";
    public const string RevisionsHeading = "Revision history";

    public static IReadOnlyList<(string Label, string Value)> Cover(DocumentInfo info) =>
    [
        ("Document", info.Id),
        ("Version", info.Version),
        ("Status", info.Status),
        ("Classification", info.Classification),
        ("Owner", info.Owner),
        ("Approver", info.Approver),
        ("Next review", info.NextReview?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "not set"),
        ("Standards", string.Join(", ", info.Standards.Select(StandardName))),
    ];

    public static string StandardName(string frameworkId) => frameworkId switch
    {
        "iso27001-2022" => "ISO/IEC 27001:2022",
        "iso42001-2023" => "ISO/IEC 42001:2023",
        _ => frameworkId,
    };

    /// <summary>The short id shown after a statement; the full id is the document id plus this.</summary>
    public static string LocalId(DocumentInfo info, DocumentStatement statement) =>
        statement.Id.StartsWith(info.Id + ".", StringComparison.Ordinal) ? statement.Id[(info.Id.Length + 1)..] : statement.Id;

    public static string Reference(string requirementId) => requirementId.Replace("iso27001-2022:", "27001 ", StringComparison.Ordinal).Replace("iso42001-2023:", "42001 ", StringComparison.Ordinal);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string AddressedIntro(DocumentModel model) =>
        $"This document addresses {model.Addressed.Count} requirements through {model.Statements.Count()} statements; each statement's id is shown after it in brackets.";
}
