using Harmonia.App.Features.Certification;

namespace Harmonia.Web.Features.Certification;

/// <summary>The words the engagement pages show for stored values.</summary>
internal static class EngagementWords
{
    public static string State(string state) => state switch
    {
        EvidenceRequestStates.Open => "waiting for an answer",
        EvidenceRequestStates.Answered => "answered, waiting for the auditor",
        EvidenceRequestStates.Accepted => "accepted",
        EvidenceRequestStates.Returned => "returned, needs another answer",
        _ => state,
    };

    public static string Population(string population) => population switch
    {
        "evidence" => "Evidence records",
        "risks" => "Risks",
        "nonconformities" => "Nonconformities",
        "audit-results" => "Internal audit checklist results",
        _ => population,
    };
}
