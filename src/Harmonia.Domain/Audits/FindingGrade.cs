using System.Text.Json.Serialization;

namespace Harmonia.Domain.Audits;

/// <summary>What an auditor concluded for one checklist item.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FindingGrade>))]
public enum FindingGrade
{
    Conforming,

    /// <summary>A lapse that does not put the system's ability to reach its intended results in doubt.</summary>
    MinorNonconformity,

    /// <summary>A requirement not met at all, or a lapse that puts the intended results in doubt; it blocks certification.</summary>
    MajorNonconformity,

    /// <summary>Not a nonconformity yet, but likely to become one if left alone.</summary>
    Observation,

    OpportunityForImprovement,
}

public static class FindingGradeExtensions
{
    public static bool IsNonconformity(this FindingGrade grade) =>
        grade is FindingGrade.MinorNonconformity or FindingGrade.MajorNonconformity;

    public static string ToLabel(this FindingGrade grade) => grade switch
    {
        FindingGrade.Conforming => "Conforming",
        FindingGrade.MinorNonconformity => "Minor nonconformity",
        FindingGrade.MajorNonconformity => "Major nonconformity",
        FindingGrade.Observation => "Observation",
        _ => "Opportunity for improvement",
    };
}
