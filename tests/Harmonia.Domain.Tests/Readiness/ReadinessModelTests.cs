using Harmonia.Domain.Audits;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Mapping;
using Harmonia.Domain.Readiness;

namespace Harmonia.Domain.Tests.Readiness;

public sealed class ReadinessModelTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    // "a" plays ISO 27001 and "b" ISO 42001: 7.2 and 9.2.2 are harmonized clauses both have, 6.1.4 is b's own.
    private static readonly Catalog Catalog = new TestCatalog()
        .Requirements("a", "7.2", "9.2.2", "A.1")
        .Requirements("b", "7.2", "6.1.4", "9.2.2", "A.2")
        .Map("a:A.1", "b:A.2", Relationship.Equal, 9)
        .Build();

    private static readonly string[] AllRequirements = ["a:7.2", "a:9.2.2", "a:A.1", "b:7.2", "b:6.1.4", "b:9.2.2", "b:A.2"];

    private static OrganizationControl Current(string id, params string[] satisfies) =>
        new(id, "Control " + id, "Owner", ControlStatus.Implemented, satisfies, [new EvidenceReference("Record " + id, new DateOnly(2026, 5, 1), new DateOnly(2027, 5, 1))]);

    private static OrganizationState Ready() => TestCatalog.State(
        Current("SCOPE", "a:7.2", "b:7.2"),
        Current("AUDIT", "a:9.2.2", "b:9.2.2"),
        Current("ACCESS", "a:A.1"),
        Current("IMPACT", "b:6.1.4"));

    private static DocumentedInformationItem Approved(string id) => new(id, "The scope.", "Scope statement", true);

    private static ReadinessInput Input(
        OrganizationState state,
        IReadOnlyList<DocumentedInformationItem>? documentsA = null,
        IReadOnlyList<CompletedAudit>? audits = null,
        IReadOnlyList<HeldReview>? reviews = null,
        IReadOnlyList<OpenNonconformity>? open = null)
    {
        var analyzer = new GapAnalyzer(new MappingEngine(Catalog));
        return new ReadinessInput(
            Today,
            [
                new FrameworkReadinessInput(analyzer.Analyze(state, "a"), documentsA ?? [Approved("a:7.2"), Approved("a:9.2.2")]),
                new FrameworkReadinessInput(analyzer.Analyze(state, "b"), [Approved("b:7.2"), Approved("b:9.2.2"), Approved("b:6.1.4")]),
            ],
            state.Controls,
            audits ?? [new CompletedAudit("Integrated internal audit 2026", new DateOnly(2026, 6, 15), AllRequirements, "IA-2026")],
            reviews ?? [new HeldReview(new DateOnly(2026, 7, 1), ["IA-2026"], TopManagementAttended: true)],
            open ?? []);
    }

    [Fact]
    public void Everything_in_place_is_ready_for_both_stages_per_framework_and_integrated()
    {
        var assessment = ReadinessModel.Evaluate(Input(Ready()));

        Assert.All(assessment.Frameworks.Append(assessment.Integrated), f =>
        {
            Assert.True(f.Stage1.Ready, f.Name);
            Assert.True(f.Stage2.Ready, string.Join(" | ", f.Stage2.Blocking.Select(b => b.Text)));
            Assert.Equal((100, 100), (f.Stage1.Score, f.Stage2.Score));
        });
        Assert.Equal(["a", "b"], assessment.Integrated.FrameworkIds);
    }

    [Fact]
    public void Stage_1_blocks_on_a_missing_or_unapproved_document_and_links_to_the_requirement()
    {
        var assessment = ReadinessModel.Evaluate(Input(Ready(), documentsA:
        [
            new DocumentedInformationItem("a:7.2", "Where the system starts and stops.", null, false),
            new DocumentedInformationItem("a:9.2.2", null, "Audit procedure", false),
            Approved("a:A.1"),
        ]));

        var stage1 = assessment.Frameworks[0].Stage1;
        Assert.Equal(33, stage1.Score);
        Assert.False(stage1.Ready);
        Assert.Equal(
            ["No document provides A 7.2 Title 7.2: Where the system starts and stops.", "'Audit procedure' provides A 9.2.2 Title 9.2.2 but is not approved yet."],
            stage1.Blocking.Select(b => b.Text));
        Assert.Equal([new FixAt(FixKind.Document, "a:7.2"), new FixAt(FixKind.Document, "a:9.2.2")], stage1.Blocking.Select(b => b.FixAt));
        Assert.Equal("document", stage1.Blocking[0].FixAt.Token);
        Assert.Equal(["7", "9", "A.1"], stage1.ByClause.Select(g => g.Key));
    }

    [Fact]
    public void A_document_held_elsewhere_under_a_current_certificate_counts_with_its_basis_and_a_stale_or_expired_one_does_not()
    {
        static HeldElsewhere Held(DateOnly dated, DateOnly expires) =>
            new("ISMS scope statement", "ISMS-01 v3", dated, "Intranet › ISMS", "CERT-7 of Nordlicht", expires);
        var certificateValid = new DateOnly(2028, 6, 30);
        var assessment = ReadinessModel.Evaluate(Input(Ready(), documentsA:
        [
            new DocumentedInformationItem("a:7.2", "The scope.", null, false, Held(new DateOnly(2026, 9, 1), certificateValid)),
            new DocumentedInformationItem("a:9.2.2", null, "Audit procedure", false, Held(new DateOnly(2025, 10, 1), certificateValid)),
            new DocumentedInformationItem("a:A.1", null, null, false, Held(new DateOnly(2026, 9, 1), new DateOnly(2026, 11, 1))),
        ]));

        var checks = assessment.Frameworks[0].Stage1.Checks;
        Assert.True(checks[0].Passed);
        Assert.Equal("held outside Harmonia: 'ISMS scope statement' (ISMS-01 v3), dated 2026-09-01, at Intranet › ISMS; listed with certificate CERT-7 of Nordlicht", checks[0].Basis);
        Assert.Equal(
            "'ISMS scope statement' (ISMS-01 v3), held outside Harmonia, was last approved or reviewed on 2025-10-01, more than 12 months ago: review it and record its new date.",
            Assert.Single(checks[1].Blocking).Text);
        Assert.StartsWith("'ISMS scope statement' (ISMS-01 v3) is listed with certificate CERT-7 of Nordlicht, which expired on 2026-11-01", Assert.Single(checks[2].Blocking).Text, StringComparison.Ordinal);

        // A document Harmonia holds comes first, and is named as the basis.
        var own = ReadinessModel.Evaluate(Input(Ready(), documentsA: [Approved("a:7.2") with { Held = Held(new DateOnly(2020, 1, 1), certificateValid) }]));
        Assert.Equal("'Scope statement'", Assert.Single(own.Frameworks[0].Stage1.Checks, c => c.Key.StartsWith("document:", StringComparison.Ordinal)).Basis);
    }

    [Fact]
    public void Every_stage_adds_up_passing_and_failing_checks_and_a_check_may_hold_several_blocking_items()
    {
        var assessment = ReadinessModel.Evaluate(Input(Ready(), documentsA: [new DocumentedInformationItem("a:7.2", null, null, false)], audits: [], reviews: []));

        Assert.All(assessment.Frameworks.Append(assessment.Integrated).SelectMany(f => new[] { f.Stage1, f.Stage2 }), stage =>
        {
            Assert.Equal(stage.Checks.Count, stage.Passed + stage.Checks.Count(c => !c.Passed));
            Assert.Equal(stage.Blocking.Count, stage.Checks.Sum(c => c.Blocking.Count));
            Assert.True(stage.Checks.Where(c => !c.Passed).All(c => c.Blocking.Count >= 1));
        });
    }

    [Fact]
    public void Unknown_documented_information_ids_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ReadinessModel.Evaluate(Input(Ready(), documentsA: [Approved("b:6.1.4")])));
    }

    [Fact]
    public void Stage_2_blocks_on_open_requirements_and_on_expired_evidence_even_through_a_mapping()
    {
        var expired = new OrganizationControl("ACCESS", "Quarterly access review", "Owner", ControlStatus.Implemented, ["a:A.1"],
            [new EvidenceReference("Q1 review", new DateOnly(2025, 3, 1), new DateOnly(2025, 12, 31))]);
        var state = TestCatalog.State(Current("SCOPE", "a:7.2", "b:7.2"), Current("AUDIT", "a:9.2.2", "b:9.2.2"), expired);

        var assessment = ReadinessModel.Evaluate(Input(state));

        var a = assessment.Frameworks[0].Stage2;
        Assert.Equal([new BlockingItem("Evidence 'Q1 review' of control 'Quarterly access review' expired on 2025-12-31.", new FixAt(FixKind.Control, "ACCESS"))], a.Blocking);
        var b = assessment.Frameworks[1].Stage2;
        Assert.Equal(
            [new FixAt(FixKind.Requirement, "b:6.1.4"), new FixAt(FixKind.Control, "ACCESS")],
            b.Blocking.Select(x => x.FixAt));
        Assert.StartsWith("B 6.1.4 Title 6.1.4 is open: Open gap", b.Blocking[0].Text, StringComparison.Ordinal);
        // b: 4 requirement checks + audit + review + nonconformity; 6.1.4 and A.2 fail.
        Assert.Equal(71, b.Score);
    }

    [Fact]
    public void A_control_without_any_evidence_blocks_stage_2()
    {
        var bare = new OrganizationControl("ACCESS", "Access review", "Owner", ControlStatus.Implemented, ["a:A.1"], []);
        var state = TestCatalog.State(Current("SCOPE", "a:7.2", "b:7.2"), Current("AUDIT", "a:9.2.2", "b:9.2.2"), bare);

        var blocking = ReadinessModel.Evaluate(Input(state)).Frameworks[0].Stage2.Blocking;

        Assert.Equal("Control 'Access review' has no evidence on record.", Assert.Single(blocking).Text);
    }

    [Fact]
    public void An_internal_audit_older_than_12_months_does_not_count()
    {
        var assessment = ReadinessModel.Evaluate(Input(Ready(), audits: [new CompletedAudit("2025 audit", new DateOnly(2025, 11, 28), AllRequirements)]));

        var item = Assert.Single(assessment.Frameworks[0].Stage2.Blocking);
        Assert.Equal(new BlockingItem("No internal audit completed since 2025-11-28.", new FixAt(FixKind.Audit, null)), item);
        Assert.Equal("audit", item.FixAt.Token);
    }

    [Fact]
    public void Audits_of_one_programme_pool_their_coverage_and_gaps_in_it_are_named()
    {
        var audits = new[]
        {
            new CompletedAudit("Clauses", new DateOnly(2026, 3, 1), ["a:7.2", "a:9.2.2", "b:7.2", "b:9.2.2"]),
            new CompletedAudit("Annex A", new DateOnly(2026, 9, 1), ["a:A.1", "b:A.2"]),
        };

        var assessment = ReadinessModel.Evaluate(Input(Ready(), audits: audits, reviews: [new HeldReview(new DateOnly(2026, 10, 1), [], TopManagementAttended: true)]));

        Assert.True(assessment.Frameworks[0].Stage2.Ready);
        Assert.Equal(
            "Internal audits since 2025-11-28 left 1 of 4 B requirements unaudited: 6.1.4.",
            Assert.Single(assessment.Frameworks[1].Stage2.Blocking).Text);
    }

    [Fact]
    public void A_management_review_is_needed_in_the_last_12_months()
    {
        var stale = ReadinessModel.Evaluate(Input(Ready(), reviews: [new HeldReview(new DateOnly(2025, 6, 1), [], TopManagementAttended: true)]));
        var none = ReadinessModel.Evaluate(Input(Ready(), reviews: []));

        Assert.Equal(
            new BlockingItem("No management review held since 2025-11-28; the last was on 2025-06-01.", new FixAt(FixKind.Review, null)),
            Assert.Single(stale.Integrated.Stage2.Blocking));
        Assert.EndsWith("none is on record.", Assert.Single(none.Frameworks[1].Stage2.Blocking).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_review_must_follow_the_audit_consider_its_results_and_be_attended_by_top_management()
    {
        var before = ReadinessModel.Evaluate(Input(Ready(), reviews: [new HeldReview(new DateOnly(2026, 6, 1), [], TopManagementAttended: true)]));
        var ignored = ReadinessModel.Evaluate(Input(Ready(), reviews: [new HeldReview(new DateOnly(2026, 7, 1), [], TopManagementAttended: true)]));
        var absent = ReadinessModel.Evaluate(Input(Ready(), reviews: [new HeldReview(new DateOnly(2026, 7, 1), ["IA-2026"], TopManagementAttended: false)]));
        var unknown = ReadinessModel.Evaluate(Input(Ready(), reviews: [new HeldReview(new DateOnly(2026, 7, 1), ["IA-2026"], TopManagementAttended: null)]));

        Assert.Equal(
            "The last management review (2026-06-01) came before the internal audit Integrated internal audit 2026 was completed (2026-06-15): hold a review that considers its results.",
            Assert.Single(before.Integrated.Stage2.Blocking).Text);
        Assert.Equal("The management review of 2026-07-01 did not consider the results of the internal audit Integrated internal audit 2026.", Assert.Single(ignored.Frameworks[0].Stage2.Blocking).Text);
        Assert.Equal("No named top-management member attended the management review of 2026-07-01.", Assert.Single(absent.Frameworks[1].Stage2.Blocking).Text);
        Assert.Contains("does not record which top-management members attended", Assert.Single(unknown.Integrated.Stage2.Blocking).Text, StringComparison.Ordinal);
        Assert.True(before.Integrated.Stage1.Ready);
    }

    [Fact]
    public void Missing_records_block_stage_1_per_framework_and_integrated_even_with_every_document_approved()
    {
        var input = Input(Ready());
        var missing = new BlockingItem("No AI risk is assessed in the risk register.", new FixAt(FixKind.Risks, null));
        input = input with
        {
            Frameworks = [input.Frameworks[0] with { Records = [new RequiredRecord("a:soa", "A: approved SoA", [])] }, input.Frameworks[1] with { Records = [new RequiredRecord("b:risk-assessment", "B: AI risk assessment", [missing])] }],
        };

        var assessment = ReadinessModel.Evaluate(input);

        Assert.True(assessment.Frameworks[0].Stage1.Ready);
        Assert.False(assessment.Frameworks[1].Stage1.Ready);
        Assert.Equal(missing, Assert.Single(assessment.Integrated.Stage1.Blocking));
        Assert.Equal("risks", missing.FixAt.Token);
        Assert.Contains(assessment.Integrated.Stage1.Checks, c => c.Key == "record:a:soa" && c.Passed);
    }

    [Fact]
    public void An_open_major_nonconformity_blocks_stage_2_of_its_framework_and_a_minor_one_does_not()
    {
        var open = new[]
        {
            new OpenNonconformity("NC-7", FindingGrade.MajorNonconformity, "b:6.1.4", "internal audit 2026-05", "No impact assessment for CV screening"),
            new OpenNonconformity("NC-8", FindingGrade.MinorNonconformity, "a:A.1", "internal audit 2026-05", "One review late"),
        };

        var assessment = ReadinessModel.Evaluate(Input(Ready(), open: open));

        Assert.True(assessment.Frameworks[0].Stage2.Ready);
        var item = Assert.Single(assessment.Frameworks[1].Stage2.Blocking);
        Assert.Equal("Open major nonconformity NC-7 against B 6.1.4 (internal audit 2026-05): No impact assessment for CV screening", item.Text);
        Assert.Equal(new FixAt(FixKind.Nonconformity, "NC-7"), item.FixAt);
    }

    [Fact]
    public void Major_nonconformity_overrides_feed_the_gap_analysis_so_the_requirement_blocks_too()
    {
        var open = new[]
        {
            new OpenNonconformity("NC-7", FindingGrade.MajorNonconformity, "b:6.1.4", "internal audit 2026-05", "No impact assessment for CV screening"),
            new OpenNonconformity("NC-8", FindingGrade.Observation, "a:A.1", "internal audit 2026-05", "Consider automating"),
        };
        var overrides = OpenNonconformities.MajorNonconformityOverrides(open);
        var state = Ready() with { OpenMajorNonconformities = overrides };

        var assessment = ReadinessModel.Evaluate(Input(state, open: open));

        Assert.Equal("NC-7", Assert.Single(overrides).Id);
        Assert.Equal(
            [new FixAt(FixKind.Requirement, "b:6.1.4"), new FixAt(FixKind.Nonconformity, "NC-7")],
            assessment.Frameworks[1].Stage2.Blocking.Select(b => b.FixAt));
        Assert.Contains("Open major nonconformity NC-7 (internal audit 2026-05)", assessment.Frameworks[1].Stage2.Blocking[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Integrated_readiness_counts_shared_clauses_and_the_management_processes_once()
    {
        var assessment = ReadinessModel.Evaluate(Input(TestCatalog.State(Current("SCOPE", "a:7.2", "b:7.2")), reviews: []));

        var integrated = assessment.Integrated;
        // Stage 1: a has 7.2 and 9.2.2, b has 7.2, 9.2.2 and 6.1.4; both clauses are shared -> 3 checks, not 5.
        Assert.Equal(3, integrated.Stage1.Checks.Count);
        Assert.Equal(["a:7.2", "b:7.2"], integrated.Stage1.Checks[0].RequirementIds);
        // Stage 2: 3 + 4 requirement rows, two shared -> 5, plus one audit, one review, one nonconformity check.
        Assert.Equal(8, integrated.Stage2.Checks.Count);
        Assert.Equal(13, assessment.Frameworks[0].Stage2.Checks.Count + assessment.Frameworks[1].Stage2.Checks.Count);
        Assert.Single(integrated.Stage2.Blocking, b => b.FixAt.Kind == FixKind.Review);
        Assert.Single(integrated.Stage2.Checks, c => c.Key == ReadinessModel.AuditKey);
    }

    [Fact]
    public void A_shared_clause_passes_the_integrated_check_only_when_it_passes_for_both()
    {
        var state = TestCatalog.State(
            Current("SCOPE", "a:7.2"),
            new OrganizationControl("AIMS-SCOPE", "AI scope", "Owner", ControlStatus.Planned, ["b:7.2"], []));

        var check = ReadinessModel.Evaluate(Input(state)).Integrated.Stage2.Checks.Single(c => c.Key == "requirement:clause:7.2");

        Assert.False(check.Passed);
        Assert.Equal(new FixAt(FixKind.Requirement, "b:7.2"), Assert.Single(check.Blocking).FixAt);
    }
}
