namespace Harmonia.Domain.Webhooks;

/// <summary>An event a webhook can subscribe to, with the words an Owner reads when choosing.</summary>
public sealed record WebhookEventType(string Name, string Group, string Description);

/// <summary>
/// The events an organization can send to its webhooks. Record events follow the audit trail ("risk.created",
/// "risk.changed", "risk.deleted"); the others are derived: a document published, a nonconformity raised or closed,
/// work falling due or overdue, readiness changing.
/// </summary>
public static class WebhookEventTypes
{
    public const string DocumentPublished = "document.published";
    public const string NonconformityRaised = "nonconformity.raised";
    public const string NonconformityClosed = "nonconformity.closed";
    public const string WorkDue = "work.due";
    public const string WorkOverdue = "work.overdue";
    public const string ReadinessChanged = "readiness.changed";

    /// <summary>Sent only on request from the webhook page, to try an address; nobody subscribes to it.</summary>
    public const string Test = "webhook.test";

    /// <summary>The records whose changes are events: audit-trail entity type -> (event prefix, what a reader calls it).</summary>
    public static readonly IReadOnlyDictionary<string, (string Prefix, string Noun)> Records = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["ControlRecord"] = ("control", "control"),
        ["EvidenceRecord"] = ("evidence", "evidence"),
        ["RequirementResultRecord"] = ("result", "requirement result"),
        ["RiskRecord"] = ("risk", "risk"),
        ["AiSystemRecord"] = ("ai-system", "AI system"),
        ["ImpactAssessmentRecord"] = ("impact-assessment", "impact assessment"),
        ["SoaVersionRecord"] = ("soa", "Statement of Applicability"),
        ["ControlledDocumentRecord"] = ("document", "controlled document"),
        ["AuditRecord"] = ("audit", "internal audit"),
        ["NonconformityRecord"] = ("nonconformity", "nonconformity"),
        ["ObjectiveRecord"] = ("objective", "objective"),
        ["ManagementReviewRecord"] = ("management-review", "management review"),
        ["SupplierRecord"] = ("supplier", "supplier"),
        ["PersonRecord"] = ("person", "person"),
    };

    public static IReadOnlyList<WebhookEventType> All { get; } = Build();

    public static bool IsKnown(string name) => All.Any(t => t.Name == name);

    private static WebhookEventType[] Build()
    {
        var list = new List<WebhookEventType>();
        foreach (var (prefix, noun) in Records.Values)
        {
            var subject = Subject(noun);
            list.Add(new($"{prefix}.created", "Records", $"{subject} was added."));
            list.Add(new($"{prefix}.changed", "Records", $"{subject} was changed."));
            list.Add(new($"{prefix}.deleted", "Records", $"{subject} was deleted."));
        }

        list.Add(new(DocumentPublished, "Milestones", "A controlled document revision was published."));
        list.Add(new(NonconformityRaised, "Milestones", "A nonconformity was raised."));
        list.Add(new(NonconformityClosed, "Milestones", "A nonconformity was closed."));
        list.Add(new(WorkDue, "Due work", "Work falls due within the next seven days (sent once per item and due date)."));
        list.Add(new(WorkOverdue, "Due work", "Work is past its due date (sent once per item and due date)."));
        list.Add(new(ReadinessChanged, "Milestones", "A certification readiness score or verdict changed."));
        return [.. list];
    }

    // "An AI system", "An internal audit", "Evidence" (uncountable), "A risk".
    private static string Subject(string noun) => noun == "evidence"
        ? "Evidence"
        : ("aeiouAEIOU".Contains(noun[0], StringComparison.Ordinal) ? "An " : "A ") + noun;
}
