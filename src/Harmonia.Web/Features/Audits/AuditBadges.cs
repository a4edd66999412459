using Harmonia.App.Features.Audits;
using Harmonia.Domain.Audits;

namespace Harmonia.Web.Features.Audits;

/// <summary>Badge classes and labels of audit grades and statuses, the same on the audit and nonconformity pages.</summary>
internal static class AuditBadges
{
    /// <summary>Stored grades are enum names; an unknown one (older data) shows as written rather than failing the page.</summary>
    public static string GradeLabel(string grade) => Enum.TryParse<FindingGrade>(grade, out var g) ? g.ToLabel() : grade;

    public static string GradeCss(string grade) => Enum.TryParse<FindingGrade>(grade, out var g)
        ? g switch
        {
            FindingGrade.Conforming => "s",
            FindingGrade.MinorNonconformity => "p",
            FindingGrade.MajorNonconformity => "o",
            _ => "n",
        }
        : "n";

    public static string StatusCss(string status) => status switch
    {
        AuditStatuses.Completed => "s",
        AuditStatuses.InProgress => "p",
        _ => "n",
    };
}
