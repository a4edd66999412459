using System.Text.RegularExpressions;

namespace Harmonia.Domain.Consistency;

/// <summary>An area of life or an AI practice, recognised in free text by the words people use for it.</summary>
/// <param name="Significant">Decisions in this area decide people's access to something essential (credit, work, schooling,
/// care, a home, cover, public services), which is what the questionnaire's "significant effects on people" asks about.</param>
public sealed record DecisionArea(string Id, string Name, bool Significant, IReadOnlyList<string> Words);

/// <summary>
/// The areas the rules look for in AI system descriptions, prohibited uses and scope statements. Matching is by word
/// beginnings, case-insensitive ("recruit" finds "recruitment"). It is a heuristic that errs towards flagging: a false
/// alarm costs a recorded acknowledgement, a missed contradiction costs a finding at the certification audit.
/// </summary>
public static class DecisionAreas
{
    public static readonly IReadOnlyList<DecisionArea> All =
    [
        new("credit", "access to credit", true, ["credit", "loan", "lending", "lender", "borrower", "mortgage", "probability of default", "default risk", "creditworth", "solvency"]),
        new("employment", "employment", true, ["hiring", "recruit", "job applicant", "candidate", "dismissal", "termination of employment", "employee performance", "workforce management", "promotion decision"]),
        new("education", "education", true, ["student", "pupil", "admission", "exam", "grading", "learner", "school", "universit"]),
        new("health", "health care", true, ["patient", "medical", "clinical", "diagnos", "healthcare", "health care", "triage of patients"]),
        new("housing", "housing", true, ["housing", "tenant", "rental", "landlord", "accommodation"]),
        new("insurance", "insurance", true, ["insurance", "insurer", "underwriting", "premium pricing"]),
        new("essential-services", "essential public or private services", true, ["social benefit", "welfare", "public assistance", "social security", "emergency call", "emergency service", "utility supply", "energy supply"]),
        new("biometric-identification", "biometric identification", false, ["biometric", "facial recognition", "face recognition", "fingerprint"]),
        new("emotion-recognition", "emotion recognition", false, ["emotion"]),
        new("social-scoring", "social scoring", false, ["social scoring", "social score", "trustworthiness scor"]),
    ];

    /// <summary>The areas the text speaks of, in the order of <see cref="All"/>.</summary>
    public static IReadOnlyList<DecisionArea> In(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : All.Where(a => a.Words.Any(w => Mentions(text, w))).ToArray();

    /// <summary>The first word of the area that the text uses, to quote it in a message.</summary>
    public static string Cue(DecisionArea area, string text) => area.Words.First(w => Mentions(text, w));

    private static bool Mentions(string text, string word) =>
        Regex.IsMatch(text, @"(?<![\p{L}\p{N}])" + Regex.Escape(word), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}
