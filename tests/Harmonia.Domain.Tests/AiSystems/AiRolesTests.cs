using Harmonia.Domain.AiSystems;

namespace Harmonia.Domain.Tests.AiSystems;

public sealed class AiRolesTests
{
    [Fact]
    public void Every_main_role_of_22989_is_offered_with_the_finer_roles_42001_readers_need()
    {
        Assert.Equal(
            ["AI provider", "AI producer", "AI customer", "AI partner", "AI subject", "relevant authority"],
            AiRoles.All.Where(r => r.Group is null).Select(r => r.Name));
        Assert.Equal("ai-partner", AiRoles.Find("data-provider")!.Group);
        Assert.Equal("ai-partner", AiRoles.Find("ai-system-integrator")!.Group);
        Assert.Equal("ai-producer", AiRoles.Find("ai-developer")!.Group);
        Assert.Equal("ai-customer", AiRoles.Find("ai-user")!.Group);
        Assert.All(AiRoles.All.Where(r => r.Group is not null), r => Assert.Null(AiRoles.Find(r.Group)!.Group));
        Assert.Equal(AiRoles.All.Count, AiRoles.All.Select(r => r.Name).Distinct().Count());
    }

    [Fact]
    public void A_set_is_normalized_to_catalog_order_without_duplicates_or_unknown_tokens()
    {
        Assert.Equal(["ai-developer", "ai-user", "data-provider"], AiRoles.Normalize(["data-provider", " ai-user", "ai-developer", "data-provider", "seller"]));
    }

    [Fact]
    public void A_finer_role_counts_for_its_main_role()
    {
        var held = new[] { "ai-developer", "data-provider" };

        Assert.Equal(["AI producer", "AI partner"], AiRoles.Groups(held).Select(r => r.Name));
        Assert.True(AiRoles.Holds(held, "ai-producer"));
        Assert.True(AiRoles.Holds(["ai-partner"], "ai-partner"));
        Assert.False(AiRoles.Holds(held, "ai-provider"));
        Assert.False(AiRoles.Holds(held, "ai-customer"));
    }

    [Fact]
    public void Roles_read_in_the_words_of_the_standard()
    {
        Assert.Equal("AI developer (AI producer), AI customer, data provider (AI partner)", AiRoles.Describe(["ai-customer", "data-provider", "ai-developer"]));
        Assert.Equal("authorised representative", AiRoles.DescribeEuAiAct("authorised-representative"));
    }

    [Fact]
    public void Problems_name_the_allowed_values()
    {
        Assert.Null(AiRoles.Problem(["ai-developer", "data-provider"]));
        Assert.StartsWith("At least one AI role is required", AiRoles.Problem([]), StringComparison.Ordinal);
        Assert.StartsWith("At least one AI role is required", AiRoles.Problem(null), StringComparison.Ordinal);
        var unknown = AiRoles.Problem(["ai-developer", "developer"])!;
        Assert.StartsWith("'developer' is not an AI role; allowed: ai-provider, ai-platform-provider,", unknown, StringComparison.Ordinal);
        Assert.Contains("data-provider", unknown, StringComparison.Ordinal);

        Assert.Null(AiRoles.EuAiActProblem(null));
        Assert.Null(AiRoles.EuAiActProblem(" "));
        Assert.Null(AiRoles.EuAiActProblem("importer"));
        Assert.Equal(
            "'user' is not an EU AI Act role; allowed: provider, deployer, importer, distributor, authorised-representative, product-manufacturer.",
            AiRoles.EuAiActProblem("user"));
    }

    [Theory]
    [InlineData("developer", "ai-developer", "provider")]
    [InlineData("provider", "ai-product-provider", "provider")]
    [InlineData("deployer", "ai-user", "deployer")]
    [InlineData("user", "ai-user", "deployer")]
    public void The_old_single_role_maps_to_a_22989_role_and_the_act_role_it_implied(string old, string role, string euAiActRole)
    {
        var legacy = AiRoles.Legacy[old];

        Assert.Equal([role], legacy.Roles);
        Assert.Equal(euAiActRole, legacy.EuAiActRole);
        Assert.NotNull(AiRoles.FindEuAiAct(legacy.EuAiActRole));
    }

    [Fact]
    public void An_old_questionnaire_answer_reads_as_the_role_names()
    {
        Assert.Equal(["AI developer", "AI product or service provider", "AI user"], AiRoles.UpgradeAnswer(["developer", "provider", "deployer", "user"]));
        Assert.Equal(["data provider", "AI user"], AiRoles.UpgradeAnswer(["data provider", "AI user"]));
    }
}
