using Harmonia.App.Content;
using Harmonia.App.Features.Documents;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Documents;

/// <summary>The generated documents name AI roles as ISO/IEC 22989 does, per organization and per AI system.</summary>
public sealed class AiRoleWordingTests
{
    private static RenderedDocument AimsScope(Answers answers) => DocumentLibraryTests.Render(LoadedContent.Shipped.Documents.Find("aims-scope")!, answers);

    private static string Statements(RenderedDocument rendered) => string.Join("\n", rendered.Model.Blocks.OfType<Harmonia.Domain.Documents.DocumentStatement>().Select(s => $"{s.Id}: {s.Text}"));

    [Fact]
    public void The_aims_scope_states_the_22989_roles_held_and_each_systems_roles_and_act_role()
    {
        var rendered = AimsScope(DocumentLibraryTests.AcmeAnswers());
        var text = Statements(rendered);

        Assert.Empty(rendered.Problems);
        Assert.Contains("aims-scope.role-producer: As an AI producer (AI developer), Acme", text, StringComparison.Ordinal);
        Assert.Contains("aims-scope.role-provider: As an AI provider, Acme", text, StringComparison.Ordinal);
        Assert.Contains("aims-scope.role-customer: As an AI customer (AI user), Acme", text, StringComparison.Ordinal);
        Assert.DoesNotContain("role-partner", text, StringComparison.Ordinal);
        Assert.DoesNotContain("As a deployer", text, StringComparison.Ordinal);
        Assert.Contains("named as in ISO/IEC 22989 (AI developer, AI product or service provider, AI user)", text, StringComparison.Ordinal);

        var table = rendered.Model.Blocks.OfType<Harmonia.Domain.Documents.DocumentStatement>().Single(s => s.Id == "aims-scope.systems-table").Table!;
        Assert.Equal("AI roles of Acme (ISO/IEC 22989)", table.Header[3]);
        Assert.Equal("EU AI Act role", table.Header[4]);
        var riskLens = table.Rows.Single(r => r[0] == "AI-02");
        Assert.Equal(["AI product or service provider (AI provider), AI developer (AI producer)", "provider"], riskLens.Skip(3).Take(2));
        Assert.Equal(["AI user (AI customer)", "deployer"], table.Rows.Single(r => r[0] == "AI-01").Skip(3).Take(2));
    }

    [Fact]
    public void A_data_provider_is_an_ai_partner_and_only_its_section_applies()
    {
        var text = Statements(AimsScope(DocumentLibraryTests.AcmeAnswers().With("ai.roles", (IReadOnlyList<string>)["data provider"])));

        Assert.Contains("aims-scope.role-partner: As an AI partner", text, StringComparison.Ordinal);
        Assert.DoesNotContain("role-producer", text, StringComparison.Ordinal);
        Assert.DoesNotContain("role-provider", text, StringComparison.Ordinal);
        Assert.DoesNotContain("role-customer", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_objectives_apply_to_an_ai_producer_and_wait_for_a_customer()
    {
        var template = LoadedContent.Shipped.Documents.Find("objectives-and-planning")!;
        var producer = Statements(DocumentLibraryTests.Render(template, DocumentLibraryTests.AcmeAnswers().With("ai.roles", (IReadOnlyList<string>)["AI developer"])));
        var customer = Statements(DocumentLibraryTests.Render(template, DocumentLibraryTests.AcmeAnswers().With("ai.roles", (IReadOnlyList<string>)["AI user"])));

        Assert.Contains("objectives-and-planning.dev-applies: Because Acme is an AI producer", producer, StringComparison.Ordinal);
        Assert.Contains("objectives-and-planning.dev-applies-later:", customer, StringComparison.Ordinal);
        Assert.DoesNotContain("objectives-and-planning.dev-applies:", customer, StringComparison.Ordinal);
    }

    [Fact]
    public void An_answers_file_with_the_old_role_words_still_imports_as_the_22989_names()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-answers.yaml"));
        var old = System.Text.RegularExpressions.Regex.Replace(text, @"ai\.roles: \[[^\]]*\]", "ai.roles: [developer, provider, deployer, user]");
        Assert.NotEqual(text, old);

        var answers = AnswersFileReader.Read("old-answers.yaml", old, LoadedContent.Shipped.Documents.Questionnaire);

        Assert.Equal(["AI developer", "AI product or service provider", "AI user"], (IReadOnlyList<string>)answers.Values["ai.roles"]);
        var unknown = Assert.Throws<ContentValidationException>(() => AnswersFileReader.Read(
            "bad-answers.yaml", old.Replace("[developer, provider, deployer, user]", "[developer, seller]", StringComparison.Ordinal), LoadedContent.Shipped.Documents.Questionnaire));
        Assert.Contains("'seller' is not an option of 'ai.roles' (AI provider, AI platform provider", unknown.Message, StringComparison.Ordinal);
    }
}
