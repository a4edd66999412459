using Harmonia.Domain.Catalogs;

namespace Harmonia.Domain.Readiness;

/// <summary>
/// The seven-step integration path from an ISO 27001 ISMS to an integrated ISO 27001 + ISO 42001 certification,
/// preceded by building the ISMS when too little of it exists.
/// </summary>
public enum RoadmapStep
{
    /// <summary>Build ISO 27001 first: with neither standard in place the shared processes come from the ISMS.</summary>
    BaselineFirst = 0,
    GapAnalysis = 1,
    RiskMethodology = 2,
    AiDocuments = 3,
    AiControls = 4,
    InternalAudit = 5,
    ManagementReview = 6,
    Certification = 7,
}

public static class RoadmapSteps
{
    /// <summary>
    /// Which step does a target requirement's open work belong to. Risk and impact assessment (6.1.x, 8.2–8.4 and
    /// the impact-assessment controls A.5) extend the risk methodology; the other clauses and the AI policy controls
    /// (A.2) are written down as documents; monitoring (9.1) and the remaining Annex A controls are operated;
    /// internal audit and corrective action (9.2, 10) come with the audit; 9.3 with the review.
    /// </summary>
    public static RoadmapStep StepOf(Requirement requirement)
    {
        var reference = requirement.Ref;
        if (requirement.Kind == RequirementKind.Control)
        {
            return reference.StartsWith("A.5.", StringComparison.Ordinal) ? RoadmapStep.RiskMethodology
                : reference.StartsWith("A.2.", StringComparison.Ordinal) ? RoadmapStep.AiDocuments
                : RoadmapStep.AiControls;
        }

        return reference switch
        {
            _ when Under(reference, "6.1") || reference is "8.2" or "8.3" or "8.4" => RoadmapStep.RiskMethodology,
            _ when Under(reference, "9.1") => RoadmapStep.AiControls,
            _ when Under(reference, "9.2") || Under(reference, "10") => RoadmapStep.InternalAudit,
            _ when Under(reference, "9.3") => RoadmapStep.ManagementReview,
            _ => RoadmapStep.AiDocuments,
        };
    }

    private static bool Under(string reference, string prefix) =>
        reference == prefix || reference.StartsWith(prefix + ".", StringComparison.Ordinal);
}
