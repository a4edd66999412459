using System.Data.Common;
using System.Text.RegularExpressions;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Persistence;

/// <summary>
/// A parent's children are read by (organization, parent): every query carries the organization, and with one index per
/// column SQLite's planner (which has no statistics on a fresh database) took the organization's index for the inner
/// side of the join and read every child of the organization once per parent. At ten times today's data the SoA waited
/// 69.5 s for the AI systems of the risks.
/// </summary>
public sealed class ChildLookupPlanTests
{
    [Fact]
    public async Task Every_child_of_an_organization_row_has_an_index_on_its_organization_and_its_parent()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, migrate: false);
        await using var scope = database.Scope();
        var model = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().Model;
        var missing = new List<string>();
        foreach (var entity in model.GetEntityTypes().Where(t => typeof(IOrganizationRow).IsAssignableFrom(t.ClrType)))
        {
            var organization = entity.FindProperty(nameof(IOrganizationRow.OrganizationId))!;
            foreach (var key in entity.GetForeignKeys().Where(k => typeof(IOrganizationRow).IsAssignableFrom(k.PrincipalEntityType.ClrType) && !k.Properties.Contains(organization)))
            {
                var columns = key.Properties.Prepend(organization).ToList();
                if (!entity.GetIndexes().Any(i => i.Properties.Take(columns.Count).SequenceEqual(columns)))
                {
                    missing.Add($"{entity.ClrType.Name}({string.Join(", ", columns.Select(c => c.Name))})");
                }
            }
        }

        Assert.Empty(missing);
        Assert.Contains(model.FindEntityType(typeof(Harmonia.App.Features.Risks.RiskAiSystemLink))!.GetIndexes(), i => i.Properties.Select(p => p.Name).SequenceEqual(["OrganizationId", "RiskId"]));
    }

    [Fact]
    public async Task Sqlite_finds_the_children_of_each_parent_directly_instead_of_reading_the_whole_organization()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var scope = database.Scope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(Guid.NewGuid());
        var db = scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>();

        // The shapes the registers, the SoA and the gap analysis use: each parent with the ids of its children.
        var plans = new Dictionary<string, string>
        {
            ["RiskAiSystemLinks_OrganizationId_RiskId"] = await PlanAsync(db, db.Risks.OrderBy(r => r.Key).Select(r => new { r.Id, Systems = r.AiSystemLinks.Select(l => l.AiSystemId).ToList() })),
            ["RiskControlLinks_OrganizationId_RiskId"] = await PlanAsync(db, db.Risks.OrderBy(r => r.Key).Select(r => new { r.Id, Controls = r.ControlLinks.Select(l => l.ControlId).ToList() })),
            ["AiSystemControlLinks_OrganizationId_AiSystemId"] = await PlanAsync(db, db.AiSystems.OrderBy(a => a.Key).Select(a => new { a.Id, Controls = a.ControlLinks.Select(l => l.ControlId).ToList() })),
        };

        foreach (var (index, plan) in plans)
        {
            var parent = index.Split('_')[^1];
            Assert.True(plan.Contains($"IX_{index} (OrganizationId=? AND {parent}=?)", StringComparison.Ordinal), $"expected a direct search on IX_{index}:\n{plan}");
        }
    }

    private static async Task<string> PlanAsync<T>(HarmoniaDbContext db, IQueryable<T> query)
    {
        // ToQueryString puts each parameter on a ".param set" line before the statement; the plan needs only their names.
        var lines = query.ToQueryString().Split('\n');
        var names = lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToArray();
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        Assert.Matches(new Regex("^\\s*SELECT", RegexOptions.IgnoreCase), sql);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + sql;
            foreach (var name in names)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = DBNull.Value;
                command.Parameters.Add(parameter);
            }

            var steps = new List<string>();
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                steps.Add(reader.GetString(3));
            }

            return string.Join('\n', steps);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
