using Harmonia.App.Content;
using Harmonia.Domain.AiSystems;
using Harmonia.Domain.Catalogs;

namespace Harmonia.Tests.Catalogs;

/// <summary>The EU AI Act as a framework: its obligations, whom each binds, and the loader refusing a scope it could never match.</summary>
public sealed class EuAiActCatalogTests
{
    private static readonly Framework Act = LoadedContent.Shipped.Catalog.FindFramework("eu-ai-act-2024")!;

    private static readonly string[] ExpectedArticles =
        ["Art. 4", "Art. 5", "Art. 9", "Art. 10", "Art. 11", "Art. 12", "Art. 13", "Art. 14", "Art. 15", "Art. 16", "Art. 17", "Art. 18", "Art. 19", "Art. 20",
         "Art. 43", "Art. 47", "Art. 48", "Art. 49", "Art. 22", "Art. 23", "Art. 24", "Art. 26", "Art. 27", "Art. 50(1)", "Art. 50(2)", "Art. 50(3)", "Art. 50(4)",
         "Art. 53", "Art. 55", "Art. 72", "Art. 73"];

    internal static readonly string[] UncoveredBy42001 = ["Art. 5", "Art. 43", "Art. 47", "Art. 48", "Art. 49", "Art. 22", "Art. 23", "Art. 24", "Art. 50(2)", "Art. 73"];

    private const string Framework = """
        id: x
        name: X
        groups:
          - id: "1"
            title: One
            kind: theme
        requirements:
          - ref: "1"
            title: First
            group: "1"
            kind: clause
            summary: Do the first thing.
            evidence: A record of it.
            appliesTo:
              roles: [provider, deployer]
              classes: [high-risk]
              when: the system is used at work
        """;

    [Fact]
    public void The_act_lists_the_operator_obligations_each_with_whom_it_binds()
    {
        Assert.Equal("EU AI Act", Act.Name);
        Assert.Equal(ExpectedArticles, Act.Requirements.Select(r => r.Ref));
        Assert.All(Act.Requirements, r =>
        {
            Assert.NotNull(r.AppliesTo);
            Assert.NotEmpty(r.AppliesTo!.Roles);
            Assert.NotEmpty(r.AppliesTo.Classes);
            Assert.All(r.AppliesTo.Roles, role => Assert.NotNull(AiRoles.FindEuAiAct(role)));
            Assert.All(r.AppliesTo.Classes, c => Assert.NotNull(EuAiActClasses.Find(c)));
        });
    }

    [Fact]
    public void Provider_duties_bind_high_risk_providers_and_deployer_duties_bind_deployers()
    {
        string[] providerOnly = ["Art. 9", "Art. 10", "Art. 11", "Art. 12", "Art. 13", "Art. 14", "Art. 15", "Art. 16", "Art. 17", "Art. 43", "Art. 47", "Art. 48", "Art. 72", "Art. 73"];
        Assert.All(providerOnly, a =>
        {
            var scope = Act.Requirements.Single(r => r.Ref == a).AppliesTo!;
            Assert.Equal(["high-risk"], scope.Classes);
            Assert.Contains("provider", scope.Roles);
            Assert.DoesNotContain("deployer", scope.Roles);
        });
        Assert.Equal(["deployer"], Act.Requirements.Single(r => r.Ref == "Art. 27").AppliesTo!.Roles);
        Assert.Contains("public services", Act.Requirements.Single(r => r.Ref == "Art. 27").AppliesTo!.When, StringComparison.Ordinal);
        Assert.Equal(["gpai"], Act.Requirements.Single(r => r.Ref == "Art. 53").AppliesTo!.Classes);
    }

    [Fact]
    public void A_scope_loads_with_its_roles_classes_and_condition()
    {
        var requirement = CatalogLoader.Load([new("frameworks/x.yaml", Framework)]).Catalog.GetRequirement("x:1");

        Assert.Equal(["provider", "deployer"], requirement.AppliesTo!.Roles);
        Assert.Equal(["high-risk"], requirement.AppliesTo.Classes);
        Assert.Equal("the system is used at work", requirement.AppliesTo.When);
    }

    [Fact]
    public void An_unknown_role_or_class_fails_the_load_with_the_allowed_values()
    {
        var broken = Framework.Replace("[provider, deployer]", "[provider, user]", StringComparison.Ordinal).Replace("[high-risk]", "[high]", StringComparison.Ordinal);

        var ex = Assert.Throws<ContentValidationException>(() => CatalogLoader.Load([new("frameworks/x.yaml", broken)]));

        Assert.Equal(2, ex.Errors.Count);
        Assert.Equal(
            "frameworks/x.yaml:15:25: requirement '1': unknown EU AI Act role 'user' in 'appliesTo'; allowed: provider, deployer, importer, distributor, authorised-representative, product-manufacturer",
            ex.Errors[0].ToString());
        Assert.Equal(
            "frameworks/x.yaml:16:17: requirement '1': unknown EU AI Act class 'high' in 'appliesTo'; allowed: prohibited, high-risk, limited, minimal, gpai",
            ex.Errors[1].ToString());
    }

    [Fact]
    public void An_empty_scope_or_a_misspelt_key_fails_the_load()
    {
        var empty = Framework.Replace("roles: [provider, deployer]", "roles: []", StringComparison.Ordinal);
        var misspelt = Framework.Replace("when:", "whenever:", StringComparison.Ordinal);

        var emptyError = Assert.Single(Assert.Throws<ContentValidationException>(() => CatalogLoader.Load([new("frameworks/x.yaml", empty)])).Errors);
        var misspeltError = Assert.Single(Assert.Throws<ContentValidationException>(() => CatalogLoader.Load([new("frameworks/x.yaml", misspelt)])).Errors);

        Assert.Contains("'appliesTo' needs at least one entry in 'roles'", emptyError.Message, StringComparison.Ordinal);
        Assert.Contains("unknown key 'whenever'", misspeltError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_42001_crosswalk_maps_or_declares_open_every_obligation_and_points_only_at_known_ids()
    {
        var catalog = LoadedContent.Shipped.Catalog;
        var set = LoadedContent.Shipped.MappingSets.Single(s => s.SourceFrameworkId == "iso42001-2023" && s.TargetFrameworkId == "eu-ai-act-2024");

        Assert.All(set.Mappings, m =>
        {
            Assert.Equal("iso42001-2023", catalog.GetRequirement(m.SourceId).FrameworkId);
            Assert.Equal("eu-ai-act-2024", catalog.GetRequirement(m.TargetId).FrameworkId);
            Assert.InRange(m.Strength, 1, 10);
            Assert.False(string.IsNullOrWhiteSpace(m.Rationale));
        });
        Assert.All(Act.Requirements, r =>
        {
            var mapped = set.Mappings.Any(m => m.TargetId == r.Id);
            var open = catalog.NoEquivalentsFor(r.Id).Where(n => n.SourceFrameworkId == "iso42001-2023").ToArray();
            Assert.True(mapped ^ open.Length == 1, $"{r.Ref} must be either mapped or declared not covered by 42001, not both or neither");
        });
    }

    [Fact]
    public void The_obligations_42001_leaves_open_are_the_legal_acts_and_the_authority_reporting()
    {
        var open = Act.Requirements.Where(r => LoadedContent.Shipped.Catalog.NoEquivalentsFor(r.Id).Count > 0).Select(r => r.Ref);

        Assert.Equal(UncoveredBy42001, open);
        Assert.Contains("15 days", LoadedContent.Shipped.Catalog.NoEquivalentsFor("eu-ai-act-2024:Art. 73").Single().Reason, StringComparison.Ordinal);
    }

}
