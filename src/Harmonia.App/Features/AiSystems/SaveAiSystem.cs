using Harmonia.App.Common;
using Harmonia.App.Persistence;
using Harmonia.Domain.AiSystems;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.AiSystems;

/// <summary>Registers an AI system in the inventory, or replaces one when the caller's version still matches.</summary>
public sealed class SaveAiSystemHandler(HarmoniaDbContext db, AiSystemStandings standings)
{
    public async Task<AiSystemDto> CreateAsync(AiSystemInput input, CancellationToken cancellationToken = default)
    {
        var controls = await ValidateAsync(input, null, cancellationToken);
        var system = new AiSystemRecord { Key = string.Empty, Name = string.Empty, AiRoles = string.Empty };
        Apply(system, input, controls);
        db.AiSystems.Add(system);
        await db.SaveChangesAsync(cancellationToken);
        return AiSystemDto.From(system, (await standings.ForAsync([system], cancellationToken))[system.Id], await db.ControlKeysAsync(cancellationToken));
    }

    /// <summary>Throws NotFoundException when the organization has no such AI system.</summary>
    public async Task<AiSystemDto> UpdateAsync(Guid aiSystemId, int expectedVersion, AiSystemInput input, CancellationToken cancellationToken = default)
    {
        var system = await db.AiSystems.Include(a => a.ControlLinks).SingleOrDefaultAsync(a => a.Id == aiSystemId, cancellationToken);
        if (system is null)
        {
            throw new NotFoundException("AI system");
        }

        if (system.Version != expectedVersion)
        {
            throw new VersionConflictException(system.Version, "AI system");
        }

        var controls = await ValidateAsync(input, system.Id, cancellationToken);
        Apply(system, input, controls);
        system.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return AiSystemDto.From(system, (await standings.ForAsync([system], cancellationToken))[system.Id], await db.ControlKeysAsync(cancellationToken));
    }

    /// <summary>Checks and stages a new AI system without saving, so a register import saves every row at once.</summary>
    internal async Task AddAsync(AiSystemInput input, CancellationToken cancellationToken)
    {
        var controls = await ValidateAsync(input, null, cancellationToken);
        var system = new AiSystemRecord { Key = string.Empty, Name = string.Empty, AiRoles = string.Empty };
        Apply(system, input, controls);
        db.AiSystems.Add(system);
    }

    /// <summary>Checks and stages the change of an AI system without saving (its key stays as stored).</summary>
    internal async Task ApplyAsync(Guid aiSystemId, AiSystemInput input, CancellationToken cancellationToken)
    {
        var system = await db.AiSystems.Include(a => a.ControlLinks).SingleAsync(a => a.Id == aiSystemId, cancellationToken);
        input = input with { Key = system.Key };
        var controls = await ValidateAsync(input, system.Id, cancellationToken);
        Apply(system, input, controls);
        system.Version++;
    }

    private static void Apply(AiSystemRecord system, AiSystemInput input, Guid[] controls)
    {
        static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        (system.Key, system.Name, system.Purpose) = (input.Key!.Trim(), input.Name!.Trim(), Clean(input.Purpose));
        var (roles, euAiActRole) = RolesOf(input);
        (system.AiRoles, system.EuAiActRole) = (AiSystemFacts.JoinRoles(roles), Clean(euAiActRole));
        (system.LifecycleStage, system.ModelType, system.Supplier) = (Clean(input.LifecycleStage), Clean(input.ModelType), Clean(input.Supplier));
        system.DataSourcesJson = AiSystemFacts.DataSourcesJson((input.DataSources ?? [])
            .Select(d => new DataSourceDto(d.Name.Trim(), Clean(d.Provenance), Clean(d.QualityMeasures), Clean(d.Preparation))).ToArray());
        (system.HumanOversight, system.Autonomy, system.AffectedPeople) = (Clean(input.HumanOversight), Clean(input.Autonomy), Clean(input.AffectedPeople));
        system.PeriodOfUse = Clean(input.PeriodOfUse);
        (system.IntendedUse, system.ForeseeableMisuse, system.EuAiActClass) = (Clean(input.IntendedUse), Clean(input.ForeseeableMisuse), Clean(input.EuAiActClass));
        LinkKeys.Sync(system.ControlLinks, controls, l => l.ControlId, id => new AiSystemControlLink { AiSystemId = system.Id, ControlId = id });
        system.InScope = input.InScope ?? true;
    }

    /// <summary>The 22989 roles and the Act role the input means; an old single role is read as the migration reads it.</summary>
    private static (IReadOnlyList<string?> Roles, string? EuAiActRole) RolesOf(AiSystemInput input) =>
        input.Roles is not { Count: > 0 } && !string.IsNullOrWhiteSpace(input.Role) && AiRoles.Legacy.TryGetValue(input.Role.Trim(), out var legacy)
            ? (legacy.Roles.ToArray(), string.IsNullOrWhiteSpace(input.EuAiActRole) ? legacy.EuAiActRole : input.EuAiActRole)
            : (input.Roles ?? [], input.EuAiActRole);

    /// <returns>The ids of the controls the input names by key.</returns>
    private async Task<Guid[]> ValidateAsync(AiSystemInput input, Guid? self, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Add(string field, string message) => errors[field] = [message];
        void OneOf(string? value, string[] allowed, string field, bool required = false)
        {
            if ((required || !string.IsNullOrWhiteSpace(value)) && !allowed.Contains(value?.Trim()))
            {
                Add(field, $"{field} is one of: {string.Join(", ", allowed)}.");
            }
        }

        if (RecordKey.Problem(input.Key, "AI-03") is { } keyProblem)
        {
            Add("key", keyProblem);
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Length > 300)
        {
            Add("name", "A name of 1 to 300 characters is required.");
        }

        if (input.Roles is { Count: > 0 } && !string.IsNullOrWhiteSpace(input.Role))
        {
            Add("role", "Send the AI roles (roles) or the old single role (role), not both.");
        }
        else if (input.Roles is not { Count: > 0 } && !string.IsNullOrWhiteSpace(input.Role) && !AiRoles.Legacy.ContainsKey(input.Role.Trim()))
        {
            Add("role", $"The old single role is one of: {string.Join(", ", AiRoles.Legacy.Keys)}; new clients send roles, one or more of: {string.Join(", ", AiRoles.Tokens)}.");
        }
        else if (AiRoles.Problem(RolesOf(input).Roles) is { } rolesProblem)
        {
            Add("roles", rolesProblem);
        }

        if (AiRoles.EuAiActProblem(input.EuAiActRole) is { } euProblem)
        {
            Add("euAiActRole", euProblem);
        }

        OneOf(input.LifecycleStage, AiSystemFacts.Stages, "lifecycleStage");
        OneOf(input.HumanOversight, AiSystemFacts.OversightModes, "humanOversight");
        OneOf(input.Autonomy, AiSystemFacts.AutonomyLevels, "autonomy");
        OneOf(input.EuAiActClass, AiSystemFacts.EuAiActClasses, "euAiActClass");
        foreach (var (value, field, max) in new[] { (input.Purpose, "purpose", 4000), (input.ModelType, "modelType", 300), (input.Supplier, "supplier", 300), (input.AffectedPeople, "affectedPeople", 1000), (input.PeriodOfUse, "periodOfUse", 1000), (input.IntendedUse, "intendedUse", 2000), (input.ForeseeableMisuse, "foreseeableMisuse", 2000) })
        {
            if (value is { } text && text.Length > max)
            {
                Add(field, $"{field} may have {max} characters.");
            }
        }

        if ((input.DataSources ?? []).Any(d => string.IsNullOrWhiteSpace(d?.Name)))
        {
            Add("dataSources", "Every data source needs a name.");
        }
        else if (AiSystemFacts.DataSourcesJson(input.DataSources ?? []).Length > 16_000)
        {
            Add("dataSources", "The data sources are too long (16,000 characters in all).");
        }

        var controls = LinkKeys.Clean(input.Controls);
        var known = await db.ControlIdsAsync(controls, cancellationToken);
        if (controls.FirstOrDefault(c => !known.ContainsKey(c)) is { } missing)
        {
            Add("controls", $"The organization has no control '{missing}'.");
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        // A key in use is a conflict with what is stored (409, ADR 0012), not a malformed field.
        if (await db.AiSystems.AnyAsync(a => a.Key == input.Key!.Trim() && a.Id != self, cancellationToken))
        {
            throw new DuplicateException($"An AI system with key '{input.Key!.Trim()}' already exists.");
        }

        return controls.Select(c => known[c]).ToArray();
    }
}
