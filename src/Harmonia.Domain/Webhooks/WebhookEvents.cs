namespace Harmonia.Domain.Webhooks;

/// <summary>One change of the audit trail, as far as webhooks need it: a field's value before and after.</summary>
public sealed record AuditChange(string EntityType, string Action, IReadOnlyDictionary<string, (string? Before, string? After)> Fields);

/// <summary>Which webhook events one audit-trail change is.</summary>
public static class WebhookEvents
{
    public static IReadOnlyList<string> Of(AuditChange change)
    {
        var events = new List<string>();
        if (WebhookEventTypes.Records.TryGetValue(change.EntityType, out var record))
        {
            events.Add(change.Action switch
            {
                "created" => $"{record.Prefix}.created",
                "deleted" => $"{record.Prefix}.deleted",
                _ => $"{record.Prefix}.changed",
            });
        }

        if (change.EntityType == "DocumentRevisionRecord" && change.Action != "deleted" && Became(change, "Status", "published"))
        {
            events.Add(WebhookEventTypes.DocumentPublished);
        }

        if (change.EntityType == "NonconformityRecord")
        {
            if (change.Action == "created")
            {
                events.Add(WebhookEventTypes.NonconformityRaised);
            }
            else if (change.Action == "updated" && Became(change, "State", "Closed"))
            {
                events.Add(WebhookEventTypes.NonconformityClosed);
            }
        }

        return events;
    }

    private static bool Became(AuditChange change, string field, string value) =>
        change.Fields.TryGetValue(field, out var values)
        && string.Equals(values.After, value, StringComparison.Ordinal)
        && !string.Equals(values.Before, value, StringComparison.Ordinal);
}
