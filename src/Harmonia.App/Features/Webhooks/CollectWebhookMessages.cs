using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Harmonia.App.Features.AuditTrail;
using Harmonia.App.Features.Readiness;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Harmonia.Domain.Readiness;
using Harmonia.Domain.Webhooks;
using Harmonia.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Webhooks;

/// <summary>
/// Turns what happened in one organization into messages for its webhooks. The audit trail is the change feed (as for
/// search, ADR 0030): every change already appends an event in its own save, so writers never wait on webhooks and a
/// change made on any node, by any use case, is seen. A mark (<see cref="WebhookFeedStateRecord.DispatchedSequence"/>)
/// says how far the trail was read; two nodes reading the same stretch race on it and the loser's messages are dropped
/// with its save, so each message is made once. Readiness and due work are not in the trail: they are derived from
/// the data when the trail moved (readiness) or the day turned (due work), and compared with what was last sent.
/// </summary>
public sealed class CollectWebhookMessagesHandler(HarmoniaDbContext db, TenantScope tenant, GetReadinessHandler readiness, ListDueWorkHandler work, TimeProvider time)
{
    private const int Batch = 500;

    /// <returns>How many messages were made. The caller has entered the organization's tenant scope.</returns>
    public async Task<int> HandleAsync(CancellationToken cancellationToken = default)
    {
        var organizationId = tenant.OrganizationId ?? throw new InvalidOperationException("Webhook messages are collected for one organization.");
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(w => w.Enabled).ToListAsync(cancellationToken);
        if (endpoints.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var state = await db.WebhookFeedStates.SingleOrDefaultAsync(cancellationToken);
        if (state is null)
        {
            state = new WebhookFeedStateRecord { OrganizationId = organizationId, DispatchedSequence = endpoints.Min(e => e.StartsAfterSequence) };
            db.WebhookFeedStates.Add(state);
        }

        var messages = new List<WebhookDeliveryRecord>();
        void Send(string type, string dedupKey, JsonObject data, long? sequence = null)
        {
            foreach (var endpoint in endpoints.Where(e => e.Subscribed.Contains(type) && (sequence is null || sequence > e.StartsAfterSequence)))
            {
                messages.Add(WebhookMessages.Pending(organizationId, endpoint.Id, type, dedupKey, now, (JsonObject)data.DeepClone()));
            }
        }

        var mark = state.DispatchedSequence;
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence > mark).OrderBy(e => e.Sequence).Take(Batch).ToListAsync(cancellationToken);
        foreach (var e in events)
        {
            var fields = AuditEventText.Changes(e.Changes).ToDictionary(c => c.Field, c => (c.Before, c.After), StringComparer.Ordinal);
            foreach (var type in WebhookEvents.Of(new AuditChange(e.EntityType, e.Action, fields)))
            {
                Send(type, $"audit:{e.Sequence}:{type}", RecordData(organizationId, e, fields.Keys), e.Sequence);
            }
        }

        if (events.Count > 0)
        {
            state.DispatchedSequence = events[^1].Sequence;
        }

        var subscribed = endpoints.SelectMany(e => e.Subscribed).ToHashSet(StringComparer.Ordinal);
        if (subscribed.Contains(WebhookEventTypes.ReadinessChanged) && (events.Count > 0 || state.ReadinessFingerprint is null))
        {
            var (fingerprint, data) = Readiness(organizationId, await readiness.HandleWithoutKeepingAsync(organizationId, cancellationToken));
            if (state.ReadinessFingerprint is { } previous && previous != fingerprint)
            {
                data["previous"] = JsonNode.Parse(previous);
                Send(WebhookEventTypes.ReadinessChanged, $"readiness:{state.DispatchedSequence}:{Hash(fingerprint)}", data);
            }

            state.ReadinessFingerprint = fingerprint;
        }

        var today = work.Today();
        if ((subscribed.Contains(WebhookEventTypes.WorkDue) || subscribed.Contains(WebhookEventTypes.WorkOverdue)) && (events.Count > 0 || state.WorkCheckedOn != today))
        {
            foreach (var item in (await work.DeriveWithoutKeepingAsync(await work.MembersAsync(cancellationToken), cancellationToken)).Where(i => i.Window != DueWindow.Later).Take(Batch))
            {
                var type = item.Window == DueWindow.Overdue ? WebhookEventTypes.WorkOverdue : WebhookEventTypes.WorkDue;
                Send(type, $"work:{type}:{item.Id}:{item.DueOn:yyyy-MM-dd}", WorkData(organizationId, item));
            }

            state.WorkCheckedOn = today;
        }

        // Due work repeats on every look: only what is new for an address is added.
        var workKeys = messages.Where(m => m.DedupKey.StartsWith("work:", StringComparison.Ordinal)).Select(m => m.DedupKey).Distinct().ToArray();
        if (workKeys.Length > 0)
        {
            var known = new HashSet<(Guid, string)>();
            foreach (var chunk in workKeys.Chunk(200))
            {
                var found = await db.WebhookDeliveries.AsNoTracking().Where(d => chunk.Contains(d.DedupKey)).Select(d => new { d.EndpointId, d.DedupKey }).ToListAsync(cancellationToken);
                known.UnionWith(found.Select(f => (f.EndpointId, f.DedupKey)));
            }

            messages.RemoveAll(m => known.Contains((m.EndpointId, m.DedupKey)));
        }

        db.WebhookDeliveries.AddRange(messages);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node read the same stretch and saved first (the mark or a message key refused this save).
            db.ChangeTracker.Clear();
            return 0;
        }

        return messages.Count;
    }

    private static JsonObject RecordData(Guid organizationId, AuditEvent e, IEnumerable<string> fields)
    {
        var dto = new AuditEventDto(e.Sequence, e.OccurredUtc, e.Actor, e.EntityType, e.EntityId, e.Action, e.Changes, e.Hash);
        return new JsonObject
        {
            ["organizationId"] = organizationId.ToString("D"),
            ["record"] = new JsonObject
            {
                ["kind"] = AuditEventText.Entity(e.EntityType),
                ["id"] = e.EntityId,
            },
            ["action"] = e.Action,
            ["summary"] = AuditEventText.Summary(dto),
            ["fields"] = new JsonArray([.. fields.Where(f => !AuditEventText.IsKeyMaterial(f)).Order(StringComparer.Ordinal).Select(f => (JsonNode)f)]),
            ["actor"] = e.Actor,
            ["occurredUtc"] = e.OccurredUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["auditSequence"] = e.Sequence,
        };
    }

    private static JsonObject WorkData(Guid organizationId, DueWorkItem item) => new()
    {
        ["organizationId"] = organizationId.ToString("D"),
        ["item"] = item.Id,
        ["module"] = WorkVocabulary.Slug(item.Module),
        ["what"] = item.What,
        ["dueOn"] = item.DueOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["reason"] = item.Reason,
        ["link"] = item.Link,
    };

    private static (string Fingerprint, JsonObject Data) Readiness(Guid organizationId, ReadinessAssessment assessment)
    {
        var frameworks = new JsonArray();
        foreach (var f in assessment.Frameworks.Append(assessment.Integrated))
        {
            frameworks.Add(new JsonObject
            {
                ["name"] = f.Name,
                ["frameworks"] = new JsonArray([.. f.FrameworkIds.Select(id => (JsonNode)id)]),
                ["stage1"] = Stage(f.Stage1),
                ["stage2"] = Stage(f.Stage2),
            });
        }

        var fingerprint = frameworks.ToJsonString();
        return (fingerprint, new JsonObject { ["organizationId"] = organizationId.ToString("D"), ["readiness"] = frameworks });
    }

    private static JsonObject Stage(StageReadiness stage) => new()
    {
        ["score"] = stage.Score,
        ["ready"] = stage.Ready,
        ["blocking"] = stage.Blocking.Count,
    };

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
