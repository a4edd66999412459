using Harmonia.App.Features.AiSystems;
using Harmonia.App.Features.Documents;
using Harmonia.App.Persistence;
using Harmonia.Domain.Consistency;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Consistency;

/// <summary>The organization's current answers, AI inventory and evidence, as the consistency rules read them.</summary>
public sealed class ConsistencyFacts(HarmoniaDbContext db, GetAnswersHandler answers, TimeProvider time)
{
    public sealed record Loaded(ConsistencyInput Input, IReadOnlyDictionary<string, Guid> AiSystemIds, IReadOnlyDictionary<string, Guid> ControlIds);

    public async Task<Loaded> LoadAsync(CancellationToken cancellationToken = default)
    {
        var stated = Stated((await answers.HandleAsync(cancellationToken)).Answers);
        var systems = await db.AiSystems.AsNoTracking().OrderBy(s => s.Key).ToListAsync(cancellationToken);
        var controls = await db.Controls.AsNoTracking().Select(c => new { c.Id, c.Key }).ToListAsync(cancellationToken);
        var keys = controls.ToDictionary(c => c.Id, c => c.Key);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        // The newest version of each piece of evidence says what holds now; an expired one no longer shows a commitment.
        var evidence = (await db.Evidence.AsNoTracking()
                .Select(e => new { e.Title, e.ControlId, Current = e.Versions.Where(v => v.Number == e.CurrentVersion).Select(v => new { v.Note, v.ExpiresOn }).FirstOrDefault() })
                .ToListAsync(cancellationToken))
            .Where(e => e.Current is null || e.Current.ExpiresOn is null || e.Current.ExpiresOn >= today)
            .Select(e =>
            {
                var control = keys.GetValueOrDefault(e.ControlId, "?");
                return new EvidenceText($"the evidence '{e.Title}' of control {control}", control, $"{e.Title} {e.Current?.Note}".Trim());
            })
            .OrderBy(e => e.Source, StringComparer.Ordinal)
            .ToArray();

        var inventory = systems.Select(s => new InventoriedSystem(
            s.Key, s.Name, s.Purpose, s.IntendedUse, s.AffectedPeople,
            AiSystemFacts.DataSources(s).Select(d => string.IsNullOrWhiteSpace(d.Provenance) ? d.Name : $"{d.Name} from {d.Provenance}").ToArray(),
            s.HumanOversight, s.Autonomy, s.EuAiActClass, s.InScope, AiSystemFacts.Roles(s))).ToArray();
        return new Loaded(
            new ConsistencyInput(stated, inventory, evidence),
            systems.ToDictionary(s => s.Key, s => s.Id, StringComparer.Ordinal),
            controls.GroupBy(c => c.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal));
    }

    public static StatedFacts Stated(Answers answers)
    {
        T? Get<T>(string key)
            where T : class => answers.Values.TryGetValue(key, out var value) ? value as T : null;
        double? Number(string key) => answers.Values.TryGetValue(key, out var value) && value is double d ? d : null;
        return new StatedFacts(
            answers.Values.TryGetValue("ai.high_impact", out var highImpact) && highImpact is bool b ? b : null,
            Get<string>("aims.scope"),
            Get<string>("aims.exclusions"),
            Get<IReadOnlyList<string>>("ai.prohibited_uses") ?? [],
            Get<string>("ai.intended_uses"),
            Get<string>("ai.oversight"),
            Get<IReadOnlyList<string>>("org.data_types"),
            Number("backup.rpo_hours"),
            Number("backup.rto_hours"),
            Get<IReadOnlyList<string>>("ai.roles"));
    }
}
