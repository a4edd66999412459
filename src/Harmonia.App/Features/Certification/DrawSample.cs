using System.Security.Cryptography;
using System.Text.Json;
using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.Certification;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>
/// The external auditor draws a sample from a population of the organization's records. The seed, the population's
/// size and fingerprint and the method are stored, so the sample can be drawn again and shown to be the same.
/// </summary>
public sealed class DrawSampleHandler(HarmoniaDbContext db, EngagementAccess access, TimeProvider time, ListEngagementsHandler list)
{
    public const int LargestSample = 200;

    public static readonly IReadOnlyList<string> Populations = ["evidence", "risks", "nonconformities", "audit-results"];

    public async Task<EngagementDto> HandleAsync(Guid engagementId, Guid auditorUserId, SampleInput input, CancellationToken cancellationToken = default)
    {
        var engagement = await access.AuditorsAsync(engagementId, auditorUserId, cancellationToken);
        var population = input.Population?.Trim();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (population is null || !Populations.Contains(population))
        {
            errors["population"] = ["Choose what to sample: evidence, risks, nonconformities or audit-results."];
        }

        if (input.Size is not (>= 1 and <= LargestSample))
        {
            errors["size"] = [$"Give the sample size, 1 to {LargestSample}."];
        }

        if (input.Seed is < 0)
        {
            errors["seed"] = ["A seed is a whole number, 0 or more; leave it empty for a fresh one."];
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var candidates = await CandidatesAsync(population!, cancellationToken);
        if (candidates.Count == 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["population"] = ["There are no such records to sample from."] });
        }

        var seed = input.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        var drawn = AuditSampling.Draw(candidates, input.Size!.Value, seed);
        db.EngagementSamples.Add(new EngagementSampleRecord
        {
            EngagementId = engagement.Id,
            Population = population!,
            PopulationSize = drawn.PopulationSize,
            PopulationFingerprint = drawn.PopulationFingerprint,
            Size = drawn.Selected.Count,
            Seed = seed,
            Method = drawn.Method,
            SelectedJson = JsonSerializer.Serialize(drawn.Selected.Select(c => new SampleItemDto(c.Id, c.Label)).ToArray()),
            DrawnUtc = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return await list.OneAsync(engagement.Id, cancellationToken);
    }

    /// <summary>The population's records, each with its id and the label people know it by.</summary>
    public async Task<IReadOnlyList<SampleCandidate>> CandidatesAsync(string population, CancellationToken cancellationToken) => population switch
    {
        "evidence" => (await db.Evidence.AsNoTracking().Select(e => new { e.Id, e.Title }).ToListAsync(cancellationToken)).Select(e => new SampleCandidate(e.Id.ToString(), e.Title)).ToArray(),
        "risks" => (await db.Risks.AsNoTracking().Select(r => new { r.Id, r.Key, r.Title }).ToListAsync(cancellationToken)).Select(r => new SampleCandidate(r.Id.ToString(), $"{r.Key} {r.Title}")).ToArray(),
        "nonconformities" => (await db.Nonconformities.AsNoTracking().Select(n => new { n.Id, n.Key }).ToListAsync(cancellationToken)).Select(n => new SampleCandidate(n.Id.ToString(), n.Key)).ToArray(),
        _ => (await db.AuditResults.AsNoTracking().Select(r => new { r.Id, r.ItemKey }).ToListAsync(cancellationToken)).Select(r => new SampleCandidate(r.Id.ToString(), r.ItemKey)).ToArray(),
    };
}
