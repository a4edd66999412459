using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Audits;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Objectives;
using Harmonia.App.Features.Reviews;
using Harmonia.App.Features.Suppliers;
using Harmonia.App.Persistence;
using Harmonia.Domain.Certification;
using Harmonia.Domain.Objectives;
using Harmonia.Domain.Suppliers;
using Harmonia.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Work;

/// <summary>
/// Reads the dates every module already keeps and states each open one as a <see cref="DueFact"/>; nothing is typed
/// twice and nothing is stored here. The rules per source are listed in README ("My work and due work").
/// </summary>
public sealed class DueFactSources(HarmoniaDbContext db, SupplierRegister suppliers, ListObjectivesHandler objectives, RecurringOccurrences recurring, OwnedRecords owned)
{
    /// <summary>A published document is to be acknowledged by every member within this many days of its publication.</summary>
    public const int AcknowledgeWithinDays = 14;

    /// <param name="members">The members acknowledgements are due from (<see cref="Members"/>), read once by the caller.</param>
    public async Task<IReadOnlyList<DueFact>> AllAsync(DateOnly today, IReadOnlyList<MemberName> members, CancellationToken cancellationToken)
    {
        var assigned = await owned.AssignmentsAsync(cancellationToken);
        var facts = new List<DueFact>();
        facts.AddRange(await ImpactAssessmentsAsync(today, cancellationToken));
        facts.AddRange(await RisksAsync(cancellationToken));
        facts.AddRange(await NonconformitiesAsync(cancellationToken));
        facts.AddRange(await ReviewActionsAsync(cancellationToken));
        facts.AddRange(await DocumentsAsync(members, cancellationToken));
        facts.AddRange(await EvidenceAsync(assigned, cancellationToken));
        facts.AddRange(await ObjectivesAsync(today, cancellationToken));
        facts.AddRange(await SuppliersAsync(cancellationToken));
        facts.AddRange(await CertificationAsync(today, cancellationToken));
        facts.AddRange(await RecurringAsync(today, cancellationToken));

        // A member assigned to the record owns its items; the record's own text stays as what it once said.
        return facts.Select(f => f.OwnedBy is { } key && assigned.TryGetValue(key, out var member) ? f with { OwnerMemberId = member } : f).ToArray();
    }

    /// <summary>In-scope AI systems: no approved assessment or a significant change makes one due today; otherwise its next review date.</summary>
    private async Task<IEnumerable<DueFact>> ImpactAssessmentsAsync(DateOnly today, CancellationToken ct)
    {
        var systems = await db.AiSystems.AsNoTracking().Where(s => s.InScope).ToListAsync(ct);
        var approved = (await db.ImpactAssessments.AsNoTracking().Where(a => a.Status == ImpactAssessmentStatuses.Approved)
                .Select(a => new { a.AiSystemId, a.Number, a.AssessedFactsJson, a.NextReviewOn, a.ApprovedBy }).ToListAsync(ct))
            .GroupBy(a => a.AiSystemId).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Number)!);
        var facts = new List<DueFact>();
        foreach (var system in systems)
        {
            var what = $"impact assessment of {system.Key} '{system.Name}'";
            var link = $"ai-systems/{system.Id}";
            var ownedBy = OwnedSubjects.Key(OwnedSubjects.AiSystem, system.Id.ToString());
            if (!approved.TryGetValue(system.Id, out var latest))
            {
                facts.Add(new DueFact(WorkModule.AiSystems, $"impact-assessment:{system.Id}", what, today, Cause: "no approved assessment yet", Link: link, OwnedBy: ownedBy));
                continue;
            }

            var assessed = AiSystemFacts.Deserialize(latest.AssessedFactsJson);
            var changed = assessed is null ? [] : AiSystemFacts.Significant(system).ChangedSince(assessed);
            if (changed.Count > 0)
            {
                facts.Add(new DueFact(WorkModule.AiSystems, $"impact-assessment:{system.Id}:after-v{latest.Number}", what, today, OwnerText: latest.ApprovedBy, Cause: $"{string.Join(", ", changed)} changed since v{latest.Number}", Link: link, OwnedBy: ownedBy));
            }
            else if (latest.NextReviewOn is { } review)
            {
                facts.Add(new DueFact(WorkModule.AiSystems, $"impact-assessment-review:{system.Id}:v{latest.Number}", $"review of impact assessment v{latest.Number} of {system.Key} '{system.Name}'", review, OwnerText: latest.ApprovedBy, Link: link, OwnedBy: ownedBy));
            }
        }

        return facts;
    }

    /// <summary>Risk reviews, treatment due dates (unless the risk is accepted as it is) and expiring acceptances.</summary>
    private async Task<IEnumerable<DueFact>> RisksAsync(CancellationToken ct)
    {
        var risks = await db.Risks.AsNoTracking()
            .Where(r => r.ReviewOn != null || r.DueOn != null || r.AcceptanceExpiresOn != null)
            .Select(r => new { r.Id, r.Key, r.Title, r.Owner, r.OwnerUserId, r.Treatment, r.DueOn, r.ReviewOn, r.AcceptedBy, r.AcceptanceExpiresOn })
            .ToListAsync(ct);
        var facts = new List<DueFact>();
        foreach (var r in risks)
        {
            if (r.ReviewOn is { } review)
            {
                facts.Add(new DueFact(WorkModule.Risks, $"risk-review:{r.Id}", $"review of risk {r.Key} '{r.Title}'", review, OwnerText: r.Owner, OwnerMemberId: r.OwnerUserId, Link: "risks", OwnedBy: OwnedSubjects.Key(OwnedSubjects.Risk, r.Id.ToString())));
            }

            if (r.DueOn is { } due && r.Treatment != "accept")
            {
                facts.Add(new DueFact(WorkModule.Risks, $"risk-treatment:{r.Id}", $"treatment ({r.Treatment}) of risk {r.Key} '{r.Title}'", due, OwnerText: r.Owner, OwnerMemberId: r.OwnerUserId, Link: "risks", OwnedBy: OwnedSubjects.Key(OwnedSubjects.Risk, r.Id.ToString())));
            }

            if (r.AcceptedBy is not null && r.AcceptanceExpiresOn is { } expires)
            {
                facts.Add(new DueFact(WorkModule.Risks, $"risk-acceptance:{r.Id}", $"acceptance of risk {r.Key} '{r.Title}'", expires, DueTiming.Expires, r.Owner, r.OwnerUserId, "to be renewed or the risk treated", "risks", OwnedSubjects.Key(OwnedSubjects.Risk, r.Id.ToString())));
            }
        }

        return facts;
    }

    /// <summary>Corrective actions not done, of nonconformities not closed.</summary>
    private async Task<IEnumerable<DueFact>> NonconformitiesAsync(CancellationToken ct)
    {
        var records = await db.Nonconformities.AsNoTracking().Where(n => n.State != "Closed").Select(n => new { n.Id, n.Json }).ToListAsync(ct);
        return records.SelectMany(r =>
        {
            var nc = NonconformityJson.Read(r.Json);
            return nc.IsOpen
                ? nc.Actions.Where(a => !a.Done).Select(a => new DueFact(WorkModule.Audits, $"corrective-action:{r.Id}:{a.Id}", $"corrective action '{a.Description}' of {nc.Id}", a.Due, OwnerText: a.Owner, Link: $"nonconformities/{r.Id}", OwnedBy: OwnedSubjects.Key(OwnedSubjects.CorrectiveAction, $"{r.Id}:{a.Id}")))
                : [];
        }).ToArray();
    }

    /// <summary>Management review actions not done.</summary>
    private async Task<IEnumerable<DueFact>> ReviewActionsAsync(CancellationToken ct)
    {
        var reviews = await db.ManagementReviews.AsNoTracking().Select(r => new { r.Id, r.HeldOn, r.ActionsJson }).ToListAsync(ct);
        return reviews.SelectMany(r => ReviewJson.Actions(r.ActionsJson)
            .Select((a, index) => (a, index))
            .Where(x => x.a.DoneOn is null)
            .Select(x => new DueFact(WorkModule.Reviews, $"review-action:{r.Id}:{x.index}", $"action '{x.a.Description}' of the management review of {r.HeldOn:yyyy-MM-dd}", x.a.Due, OwnerText: x.a.Owner, Link: "management-reviews", OwnedBy: OwnedSubjects.Key(OwnedSubjects.ReviewAction, $"{r.Id}:{x.index}")))).ToArray();
    }

    /// <summary>Reviews of published documents, and each member's acknowledgement of the current published content.</summary>
    private async Task<IEnumerable<DueFact>> DocumentsAsync(IReadOnlyList<MemberName> members, CancellationToken ct)
    {
        var documents = await db.Documents.AsNoTracking().Select(d => new { d.Id, d.Title }).ToListAsync(ct);
        var revisions = await db.DocumentRevisions.AsNoTracking().Where(r => r.PublishedUtc != null)
            .Select(r => new { r.Id, r.DocumentId, r.Number, r.Label, r.Status, r.Change, r.PublishedUtc, r.NextReview, r.ApprovedBy, r.Author })
            .ToListAsync(ct);
        var acknowledgments = (await db.DocumentAcknowledgments.AsNoTracking().Select(a => new { a.RevisionId, a.UserId }).ToListAsync(ct))
            .Select(a => (a.RevisionId, a.UserId)).ToHashSet();
        var facts = new List<DueFact>();
        foreach (var document in documents)
        {
            var everPublished = revisions.Where(r => r.DocumentId == document.Id).OrderBy(r => r.Number).ToArray();
            var published = everPublished.SingleOrDefault(r => r.Status == DocumentStatuses.Published);
            if (published is null)
            {
                continue;
            }

            var link = $"documents/{document.Id}";
            if (published.NextReview is { } review)
            {
                facts.Add(new DueFact(WorkModule.Documents, $"document-review:{published.Id}", $"review of '{document.Title}' {published.Label}", review, OwnerText: published.ApprovedBy ?? published.Author, Link: link, OwnedBy: OwnedSubjects.Key(OwnedSubjects.Document, document.Id.ToString())));
            }

            // As the document list counts it: only a material change asks people to acknowledge again.
            var lastMaterial = everPublished.LastOrDefault(r => r.Change == "material") ?? everPublished[0];
            var current = everPublished.Where(r => r.Number >= lastMaterial.Number).Select(r => r.Id).ToArray();
            var dueOn = DateOnly.FromDateTime(lastMaterial.PublishedUtc!.Value).AddDays(AcknowledgeWithinDays);
            foreach (var member in members.Where(m => !current.Any(revision => acknowledgments.Contains((revision, m.Id)))))
            {
                facts.Add(new DueFact(WorkModule.Documents, $"acknowledgement:{lastMaterial.Id}:{member.Id}", $"acknowledgement of '{document.Title}' {published.Label}", dueOn, OwnerText: member.Email, OwnerMemberId: member.Id, Cause: $"published on {lastMaterial.PublishedUtc:yyyy-MM-dd}, not acknowledged yet", Link: link));
            }
        }

        return facts;
    }

    /// <summary>The expiry date of each evidence item's current version; the control's owner renews it.</summary>
    private async Task<IEnumerable<DueFact>> EvidenceAsync(Dictionary<string, Guid> assigned, CancellationToken ct)
    {
        var rows = await db.Evidence.AsNoTracking()
            .Join(db.EvidenceVersions, e => new { Id = e.Id, Number = e.CurrentVersion }, v => new { Id = v.EvidenceId, v.Number }, (e, v) => new { e.Id, e.Title, e.ControlId, v.ExpiresOn })
            .Where(x => x.ExpiresOn != null)
            .Join(db.Controls, x => x.ControlId, c => c.Id, (x, c) => new { x.Id, x.Title, x.ExpiresOn, c.Key, c.Owner, ControlId = c.Id })
            .ToListAsync(ct);
        return rows.Select(x =>
        {
            // Evidence without an owner of its own is renewed by its control's owner.
            var own = OwnedSubjects.Key(OwnedSubjects.Evidence, x.Id.ToString());
            var ownedBy = assigned.ContainsKey(own) ? own : OwnedSubjects.Key(OwnedSubjects.Control, x.ControlId.ToString());
            return new DueFact(WorkModule.Evidence, $"evidence-expiry:{x.Id}", $"evidence '{x.Title}' of control {x.Key}", x.ExpiresOn!.Value, DueTiming.Expires, x.Owner, Link: $"evidence/{x.Id}", OwnedBy: ownedBy);
        }).ToArray();
    }

    /// <summary>The next measurement of every active objective (the first one is due at once).</summary>
    private async Task<IEnumerable<DueFact>> ObjectivesAsync(DateOnly today, CancellationToken ct) =>
        (await objectives.ActiveAsync(ct)).Select(o => o.Standing.Status == ObjectiveStatus.NoMeasurement || o.Standing.NextDue is null
                ? new DueFact(WorkModule.Objectives, $"objective-measurement:{o.Id}:first", $"first measurement of objective {o.Key} '{o.Title}'", today, OwnerText: o.Owner, Cause: "no measurement recorded yet", Link: "objectives", OwnedBy: OwnedSubjects.Key(OwnedSubjects.Objective, o.Id.ToString()))
                : new DueFact(WorkModule.Objectives, $"objective-measurement:{o.Id}:{o.Standing.NextDue:yyyyMMdd}", $"{o.Frequency.ToString().ToLowerInvariant()} measurement of objective {o.Key} '{o.Title}'", o.Standing.NextDue.Value, OwnerText: o.Owner, Link: "objectives", OwnedBy: OwnedSubjects.Key(OwnedSubjects.Objective, o.Id.ToString())))
            .ToArray();

    /// <summary>Watched suppliers: the next review by tier, certificate expiries, contract renewals (or ends, when no renewal is set).</summary>
    private async Task<IEnumerable<DueFact>> SuppliersAsync(CancellationToken ct)
    {
        var facts = new List<DueFact>();
        foreach (var s in (await suppliers.AllAsync(ct)).Where(s => s.Status != SupplierStatus.Ended))
        {
            var link = $"suppliers/{s.Id}";
            var name = $"{s.Key} '{s.Name}'";
            var ownedBy = OwnedSubjects.Key(OwnedSubjects.Supplier, s.Id.ToString());
            if (s.Standing.NextReviewDue is { } review)
            {
                var cause = s.Standing.LastReview is { } last ? $"last reviewed on {last.On:yyyy-MM-dd}, {s.Tier.Name.ToLowerInvariant()} tier every {s.Tier.ReviewMonths} months" : "never reviewed";
                facts.Add(new DueFact(WorkModule.Suppliers, $"supplier-review:{s.Id}:{review:yyyyMMdd}", $"review of supplier {name}", review, OwnerText: s.Standing.LastReview?.Reviewer, Cause: cause, Link: link, OwnedBy: ownedBy));
            }

            foreach (var (certification, index) in s.Certifications.Select((c, i) => (c, i)).Where(x => x.c.Expires is not null))
            {
                facts.Add(new DueFact(WorkModule.Suppliers, $"supplier-certificate:{s.Id}:{index}:{certification.Expires:yyyyMMdd}", $"{SupplierStanding.CertificationName(certification)} certificate of supplier {name}", certification.Expires!.Value, DueTiming.Expires, Link: link, OwnedBy: ownedBy));
            }

            foreach (var (contract, index) in s.Contracts.Select((c, i) => (c, i)))
            {
                if (contract.RenewalOn is { } renewal)
                {
                    facts.Add(new DueFact(WorkModule.Suppliers, $"supplier-renewal:{s.Id}:{index}:{renewal:yyyyMMdd}", $"renewal of contract '{contract.Title}' with supplier {name}", renewal, Link: link, OwnedBy: ownedBy));
                }
                else if (contract.Ends is { } ends)
                {
                    facts.Add(new DueFact(WorkModule.Suppliers, $"supplier-contract-end:{s.Id}:{index}:{ends:yyyyMMdd}", $"contract '{contract.Title}' with supplier {name}", ends, DueTiming.Expires, Link: link, OwnedBy: ownedBy));
                }
            }
        }

        return facts;
    }

    /// <summary>Certificate expiry, the cycle's audits still ahead, and the body's deadlines on findings still open.</summary>
    private async Task<IEnumerable<DueFact>> CertificationAsync(DateOnly today, CancellationToken ct)
    {
        var certificates = await db.Certificates.AsNoTracking().ToListAsync(ct);
        var facts = new List<DueFact>();
        foreach (var c in certificates)
        {
            var name = $"certificate {c.Number} ({Standard(c.FrameworkId)})";
            facts.Add(new DueFact(WorkModule.Certification, $"certificate-expiry:{c.Id}", name, c.ExpiresOn, DueTiming.Expires, Link: "certification"));
            foreach (var audit in CertificationCycle.Plan(new CertificateDates(c.FrameworkId, c.IssuedOn, c.ExpiresOn), 0, [], [], []).Where(a => a.DueBy >= today))
            {
                facts.Add(new DueFact(WorkModule.Certification, $"certification-audit:{c.Id}:{audit.Kind}", $"{audit.Name.ToLowerInvariant()} of {name}", audit.DueBy, Cause: $"to be held by {c.Body}", Link: "certification"));
            }
        }

        var findings = await db.BodyFindings.AsNoTracking()
            .Join(db.Nonconformities, f => f.NonconformityId, n => n.Id, (f, n) => new { f.Id, f.RespondBy, f.CloseBy, n.Key, n.State, NonconformityId = n.Id })
            .Where(x => x.State != "Closed")
            .ToListAsync(ct);
        foreach (var f in findings)
        {
            if (f.RespondBy is { } respond && f.State == "Open")
            {
                facts.Add(new DueFact(WorkModule.Certification, $"body-finding-response:{f.Id}", $"response to the certification body on {f.Key}", respond, Cause: "correction and corrective-action plan", Link: $"nonconformities/{f.NonconformityId}"));
            }

            facts.Add(new DueFact(WorkModule.Certification, $"body-finding-closure:{f.Id}", $"closure of {f.Key} for the certification body", f.CloseBy, Link: $"nonconformities/{f.NonconformityId}"));
        }

        return facts;
    }

    private static string Standard(string frameworkId) => frameworkId switch
    {
        "iso27001-2022" => "ISO/IEC 27001",
        "iso42001-2023" => "ISO/IEC 42001",
        _ => frameworkId,
    };

    /// <summary>The organization's members who can sign in, for acknowledgements and owner matching.</summary>
    public async Task<IReadOnlyList<MemberName>> Members(CancellationToken ct) =>
        (await db.Memberships.AsNoTracking().Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Id, u.Email, u.DisplayName, u.DisabledUtc })
            .Where(x => x.DisabledUtc == null).ToListAsync(ct))
        .Select(x => new MemberName(x.Id, x.Email!, x.DisplayName)).ToArray();

    /// <summary>Each occurrence of a recurring activity in the last year that is not done, and the next one until it is.</summary>
    private async Task<IEnumerable<DueFact>> RecurringAsync(DateOnly today, CancellationToken ct)
    {
        var facts = new List<DueFact>();
        foreach (var (activity, past, next) in await recurring.ScheduleAsync(today, 1, ct))
        {
            foreach (var occurrence in past.Concat(next).Where(o => o.Status != "done"))
            {
                facts.Add(new DueFact(WorkModule.Recurring, $"recurring:{activity.Id}:{occurrence.On:yyyyMMdd}", $"{RecurringKinds.Label(activity.Kind).ToLowerInvariant()} {activity.Key} '{activity.Title}'", occurrence.On,
                    OwnerText: activity.Owner, OwnerMemberId: activity.OwnerUserId, Cause: activity.Kind == RecurringKinds.Control ? "closed by evidence of the control dated near this day" : "closed when recorded done", Link: "recurring", OwnedBy: OwnedSubjects.Key(OwnedSubjects.Recurring, activity.Id.ToString())));
            }
        }

        return facts;
    }
}
