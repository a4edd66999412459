using Harmonia.Domain.Audits;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Tests.Readiness;

namespace Harmonia.Domain.Tests.Audits;

public sealed class AuditChecklistTests
{
    // "a" plays ISO 27001 and "b" ISO 42001: 7.2 and 9.2.2 are harmonized clauses of both; 1.1 sits outside clauses 4–10.
    private static readonly Catalog Catalog = new TestCatalog()
        .Requirements("a", "1.1", "7.2", "9.2.2", "A.1")
        .Requirements("b", "7.2", "6.1.4", "9.2.2", "A.2")
        .Build();

    private static readonly OrganizationControl AuditProgramme = new(
        "AUD", "Annual internal audit programme", "Maria Lopez", ControlStatus.Implemented, ["a:9.2.2", "b:9.2.2"],
        [new EvidenceReference("Audit report 2026", new DateOnly(2026, 5, 12)), new EvidenceReference("Audit plan", null)]);

    private static readonly OrganizationControl AccessReview = new(
        "ACC", "Quarterly access review", "Sam Berg", ControlStatus.Implemented, ["a:A.1"], []);

    private static readonly PublishedDocument AuditProcedure = new("Internal audit procedure", "2.0", ["a:9.2.2"]);

    private static IReadOnlyList<ChecklistItem> Build(AuditScope scope) =>
        AuditChecklist.Build(Catalog, scope, [AuditProgramme, AccessReview], [AuditProcedure]);

    [Fact]
    public void A_full_integrated_scope_gives_one_item_per_requirement_with_shared_clauses_once()
    {
        var items = Build(AuditScope.Full(Catalog, "a", "b"));

        Assert.Equal(["a:1.1", "clause:7.2", "clause:9.2.2", "a:A.1", "b:6.1.4", "b:A.2"], items.Select(i => i.Key));
        Assert.Equal(["a:9.2.2", "b:9.2.2"], items.Single(i => i.Key == "clause:9.2.2").RequirementIds);
        Assert.Equal(2, items.Count(i => i.Integrated));
        // 8 requirements, 6 items: the two harmonized clauses are audited once for both standards.
        Assert.Equal(8, items.Sum(i => i.RequirementIds.Count));
    }

    [Fact]
    public void A_single_framework_scope_merges_nothing()
    {
        var items = Build(AuditScope.Full(Catalog, "b"));

        Assert.Equal(["b:7.2", "b:6.1.4", "b:9.2.2", "b:A.2"], items.SelectMany(i => i.RequirementIds));
        Assert.DoesNotContain(items, i => i.Integrated);
    }

    [Fact]
    public void The_question_is_built_from_the_title_summary_and_evidence()
    {
        var item = Build(new AuditScope(["b:6.1.4"], [], [], [])).Single();

        Assert.Equal("Title 6.1.4: how does the organization summary 6.1.4? Show evidence 6.1.4.", item.Question);
    }

    [Fact]
    public void The_question_keeps_acronyms_and_uses_only_the_first_sentence_of_the_summary()
    {
        var requirement = new Requirement(
            "b:5.2", "b", "5.2", "AI policy", "5", RequirementKind.Clause,
            "Set an AI policy that fits the purpose of the organization. It frames the AI objectives.", "An approved AI policy.", 1);

        Assert.Equal(
            "AI policy: how does the organization set an AI policy that fits the purpose of the organization? Show an approved AI policy.",
            AuditChecklist.QuestionFor(requirement));
    }

    [Fact]
    public void An_integrated_item_asks_each_standard_and_lists_evidence_controls_and_documents()
    {
        var item = Build(AuditScope.Full(Catalog, "a", "b")).Single(i => i.Key == "clause:9.2.2");

        Assert.StartsWith("[A] Title 9.2.2: how does the organization", item.Question, StringComparison.Ordinal);
        Assert.Contains("[B] Title 9.2.2", item.Question, StringComparison.Ordinal);
        Assert.Equal(
            ["Evidence 9.2.2", "'Audit report 2026' of control 'Annual internal audit programme' (2026-05-12)", "'Audit plan' of control 'Annual internal audit programme'"],
            item.EvidenceToSample);
        Assert.Equal([new ChecklistControl("AUD", "Annual internal audit programme", "Maria Lopez", ControlStatus.Implemented)], item.Controls);
        Assert.Equal([AuditProcedure], item.Documents);
        Assert.Equal("9.2.2", item.Ref);
    }

    [Fact]
    public void Unknown_requirements_in_scope_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Build(new AuditScope(["b:99"], [], [], [])));
        Assert.Throws<ArgumentException>(() => AuditScope.Full(Catalog, "zz"));
    }

    [Fact]
    public void An_auditor_owning_a_control_in_scope_is_flagged_with_the_controls()
    {
        var scope = new AuditScope(["a:9.2.2", "b:9.2.2", "b:6.1.4"], ["Internal audit"], ["cv-screening"], ["Berlin"]);

        var conflicts = AuditorIndependence.Check(["  maria lopez ", "Sam Berg", "Ida Noor"], scope, [AuditProgramme, AccessReview]);

        var conflict = Assert.Single(conflicts);
        Assert.Equal("maria lopez", conflict.Auditor);
        Assert.Equal(["AUD"], conflict.Controls.Select(c => c.Id));
        Assert.Equal("maria lopez owns a control in the audit scope ('Annual internal audit programme'); another auditor should audit it.", conflict.Text);
    }

    [Fact]
    public void Independent_auditors_raise_no_conflict()
    {
        var conflicts = AuditorIndependence.Check(["Ida Noor", ""], AuditScope.Full(Catalog, "a", "b"), [AuditProgramme, AccessReview]);

        Assert.Empty(conflicts);
    }

    [Fact]
    public void Finding_grades_say_which_need_corrective_action()
    {
        Assert.Equal(
            [FindingGrade.MinorNonconformity, FindingGrade.MajorNonconformity],
            Enum.GetValues<FindingGrade>().Where(g => new AuditFinding("k", g, "t", [], [], []).NeedsCorrectiveAction));
        Assert.Equal("Opportunity for improvement", FindingGrade.OpportunityForImprovement.ToLabel());
    }

    [Fact]
    public void With_the_shipped_requirement_numbers_shared_processes_are_asked_once_and_differing_clauses_once_per_standard()
    {
        var shipped = new Catalog([RoadmapSamples.CertifiedIso27001().Target, RoadmapSamples.AcmeIso42001().Target], [], []);

        var items = AuditChecklist.Build(shipped, AuditScope.Full(shipped, "iso27001-2022", "iso42001-2023"), [], []);

        // 123 + 70 requirements; 18 clause requirements are one process for both systems (leadership, support,
        // audit, review, improvement); the rest of clauses 4-10 differ in what they ask and stay apart.
        Assert.Equal(123 + 70 - 18, items.Count);
        Assert.Equal(18, items.Count(i => i.Integrated));
        Assert.Contains(items, i => i.Integrated && i.Ref == "9.2.2");
        Assert.Contains(items, i => i.Integrated && i.Ref == "7.2");
        foreach (var split in new[] { "5.2", "6.1.2", "6.1.3", "6.2", "8.1", "8.2", "8.3", "4.3", "9.1" })
        {
            var perStandard = items.Where(i => i.Ref == split).ToArray();
            Assert.Equal(2, perStandard.Length);
            Assert.All(perStandard, i => Assert.False(i.Integrated));
            Assert.Contains(perStandard, i => i.Title.EndsWith("(ISO/IEC 27001:2022)", StringComparison.Ordinal));
            Assert.Contains(perStandard, i => i.Title.EndsWith("(ISO/IEC 42001:2023)", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(items, i => i.Integrated && i.Ref is "6.1.4" or "8.4");
    }
}
