using Harmonia.App.Content;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Organizations;
using Harmonia.Domain.Documents;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Documents;

/// <summary>The shipped questionnaire and templates: enough documents, every documented-information requirement covered, every template renders.</summary>
public sealed class DocumentLibraryTests
{
    internal static OrganizationFile Acme() => Persistence.PersistenceTests.Acme();

    internal static Answers AcmeAnswers() => AnswersFileReader.Read(
        "acme-answers.yaml", File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "acme-answers.yaml")), LoadedContent.Shipped.Documents.Questionnaire)
        .Over(OrganizationAnswers.From(Acme()));

    internal static RenderedDocument Render(DocumentTemplate template, Answers answers) => DocumentRenderer.Render(
        template, LoadedContent.Shipped.Documents, LoadedContent.Shipped.Catalog, answers, Acme().AiSystems, DocumentControl.Draft(new DateOnly(2026, 11, 28), 12));

    [Fact]
    public void The_library_has_the_documents_both_standards_need()
    {
        var ids = LoadedContent.Shipped.Documents.Templates.Select(t => t.Id).ToArray();

        Assert.True(ids.Length >= 25, $"{ids.Length} templates");
        foreach (var required in new[]
        {
            "isms-scope", "aims-scope", "information-security-policy", "ai-policy", "roles-and-responsibilities", "risk-methodology",
            "ai-impact-assessment-procedure", "ai-lifecycle-procedure", "ai-data-management", "responsible-ai-use", "ai-third-party-relationships",
            "ai-transparency", "ai-incident-communication", "reporting-concerns", "objectives-and-planning", "competence-and-awareness",
            "communication", "document-control", "internal-audit-procedure", "management-review-procedure", "nonconformity-corrective-action",
            "monitoring-and-measurement", "access-control-policy", "supplier-security", "incident-management", "logging-and-monitoring",
            "secure-development", "business-continuity", "acceptable-use", "asset-management", "cryptography", "change-management",
        })
        {
            Assert.Contains(required, ids);
        }

        // Shared management-system procedures are written once for both standards.
        foreach (var shared in new[] { "document-control", "internal-audit-procedure", "management-review-procedure", "nonconformity-corrective-action", "competence-and-awareness" })
        {
            Assert.Equal(["iso27001-2022", "iso42001-2023"], LoadedContent.Shipped.Documents.Find(shared)!.Standards.Order());
        }
    }

    [Fact]
    public void Every_documented_information_requirement_of_both_standards_is_covered()
    {
        var report = DocumentCoverage.Compute(LoadedContent.Shipped.Documents, LoadedContent.Shipped.Catalog);

        Assert.Empty(report.Uncovered.Select(r => r.RequirementId));
        Assert.Equal(28, report.Rows.Count(r => r.FrameworkId == "iso27001-2022"));
        Assert.Equal(48, report.Rows.Count(r => r.FrameworkId == "iso42001-2023"));
        Assert.Contains(report.Rows.Single(r => r.RequirementId == "iso42001-2023:6.1.4").Statements, s => s.TemplateId == "ai-impact-assessment-procedure");
    }

    [Fact]
    public void Every_template_renders_for_acme_with_no_missing_answer_and_no_problem()
    {
        var answers = AcmeAnswers();
        foreach (var template in LoadedContent.Shipped.Documents.Templates)
        {
            var rendered = Render(template, answers);

            Assert.True(rendered.Problems.Count == 0, $"{template.Id}: {string.Join("; ", rendered.Problems)}");
            Assert.True(rendered.Missing.Count == 0, $"{template.Id} misses {string.Join(", ", rendered.Missing.Select(m => m.Key))}");
            Assert.True(rendered.Model.Statements.Count() >= 15, $"{template.Id} has only {rendered.Model.Statements.Count()} statements");
            Assert.All(rendered.Model.Statements, s => Assert.DoesNotContain("{{", s.Text, StringComparison.Ordinal));
            Assert.All(rendered.Model.Statements, s => Assert.True(s.Text.Length > 0 && !char.IsLower(s.Text[0]), $"{s.Id}: {s.Text}"));
            Assert.NotEmpty(rendered.Model.Addressed);
            Assert.Equal("Acme Analytics GmbH", rendered.Model.Info.OrganizationName);
        }
    }

    [Fact]
    public void Missing_required_answers_are_listed_and_shown_never_turned_into_not_applicable()
    {
        var answers = OrganizationAnswers.From(Acme());
        var template = LoadedContent.Shipped.Documents.Find("ai-policy")!;

        var rendered = Render(template, answers);

        Assert.Contains(rendered.Missing, q => q.Key == "roles.ai_governance_lead");
        var text = string.Join("\n", rendered.Model.Statements.Select(s => s.Text)) + rendered.Model.Info.Owner;
        Assert.Contains("[missing answer: AI governance lead]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("N/A", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Answers_are_data_they_cannot_add_structure_or_run_as_template_code()
    {
        const string Hostile = "Acme\n# Injected heading\n§evil [iso27001-2022:5.2] Injected statement | cell {{ 6 | times: 7 }} {% if true %}ran{% endif %}";
        var answers = AcmeAnswers().With("org.short_name", Hostile);
        var template = LoadedContent.Shipped.Documents.Find("information-security-policy")!;
        var clean = Render(template, AcmeAnswers());

        var rendered = Render(template, answers);

        Assert.Empty(rendered.Problems);
        Assert.Equal(clean.Model.Statements.Select(s => s.Id), rendered.Model.Statements.Select(s => s.Id));
        Assert.Equal(clean.Model.Blocks.OfType<DocumentHeading>().Select(h => h.Text), rendered.Model.Blocks.OfType<DocumentHeading>().Select(h => h.Text));
        var text = string.Join("\n", rendered.Model.Statements.Select(s => s.Text));
        Assert.Contains("{{ 6 / times: 7 }}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("42", text.Replace("iso42001", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(" ran", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_with_an_unknown_requirement_or_untraced_prose_fails_to_load_with_its_line()
    {
        var files = ContentFile.Embedded().Where(f => !f.Path.StartsWith("templates/en/", StringComparison.Ordinal)).ToList();
        files.Add(new ContentFile("templates/en/bad.md", """
            ---
            id: bad
            title: Bad
            kind: policy
            standards: [iso27001-2022]
            owner: roles.isms_manager
            approver: roles.top_management
            classification: internal
            requires: []
            ---
            # 1 Purpose
            §ok [iso27001-2022:A.99] Unknown requirement.
            Free prose without a statement id.
            §dup [] One.
            §dup [] Two.
            """));

        var error = Assert.Throws<ContentValidationException>(() => CatalogLoader.Load(files));

        Assert.Contains("templates/en/bad.md:12:1: unknown requirement id 'iso27001-2022:A.99'", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Errors, e => e.Line == 13 && e.Message.StartsWith("not a heading, statement", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Line == 15 && e.Message.Contains("duplicate statement id 'bad.dup'", StringComparison.Ordinal));
    }
}
