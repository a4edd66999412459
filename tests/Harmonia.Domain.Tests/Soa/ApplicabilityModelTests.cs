using Harmonia.Domain.Gaps;
using Harmonia.Domain.Soa;
using static Harmonia.Domain.Tests.TestCatalog;

namespace Harmonia.Domain.Tests.Soa;

public sealed class ApplicabilityModelTests
{
    private static readonly Catalogs.Framework Annex = new TestCatalog().Requirements("b", "1.1", "A.1", "A.2", "A.3", "A.4").Build().FindFramework("b")!;

    private static IReadOnlyList<SoaRow> Propose(params OrganizationControl[] controls) => ApplicabilityModel.Propose(
        Annex,
        controls,
        [new SoaRisk("R-1", "mitigate", ["C1"]), new SoaRisk("R-2", "accept", [])],
        [new SoaAssessment("Chatbot impact assessment v2", ["C2"])]);

    [Fact]
    public void Reasons_are_proposed_from_risks_assessments_and_implementing_controls()
    {
        var rows = Propose(
            Control("C1", ControlStatus.Implemented, "b:A.1"),
            Control("C2", ControlStatus.InProgress, "b:A.1", "b:A.2"),
            Control("C3", ControlStatus.Planned, "b:A.3"),
            Control("C4", ControlStatus.NotApplicable, "b:A.4"));

        Assert.Equal(["A.1", "A.2", "A.3", "A.4"], rows.Select(r => r.Ref));
        var a1 = rows[0];
        Assert.Equal([SoaReason.RiskTreatment, SoaReason.ImpactAssessment], a1.Reasons);
        Assert.Equal(["R-1"], a1.Risks);
        Assert.Equal(SoaImplementation.InProgress, a1.Implementation);
        Assert.Equal("Treats R-1; mitigates impacts found in Chatbot impact assessment v2; implemented through Control C1, Control C2.", a1.Justification);
        Assert.Equal([SoaReason.ImpactAssessment], rows[1].Reasons);
        Assert.Equal([SoaReason.BusinessNeed], rows[2].Reasons);
        Assert.Equal(SoaImplementation.Planned, rows[2].Implementation);
        Assert.False(rows[3].Included);
        Assert.StartsWith("Proposed for exclusion: every control that implements it is marked not applicable", rows[3].Justification, StringComparison.Ordinal);
    }

    [Fact]
    public void An_exclusion_needs_a_justification_and_a_control_treating_a_risk_cannot_be_excluded()
    {
        var proposal = Propose(Control("C1", ControlStatus.Implemented, "b:A.1"));
        SoaDecision[] decisions =
        [
            new("b:A.1", false, [], "We do not want it."),
            new("b:A.2", false, [], " "),
            new("b:A.3", true, [], null),
            new("b:Z.9", true, [SoaReason.Contractual], null),
            new("b:Z.9", true, [SoaReason.Contractual], null),
        ];

        var rows = ApplicabilityModel.Apply(proposal, decisions);

        Assert.Equal(["b:Z.9 is not a control of this Annex A.", "b:Z.9 is not a control of this Annex A.", "b:Z.9 is decided twice."], ApplicabilityModel.Malformed(proposal, decisions));
        Assert.Equal(
        [
            "A.1 cannot be excluded: risks R-1 are treated with it.",
            "A.2 is excluded without a justification.",
            "A.3 is included without a reason: name risk treatment, impact assessment, legal or regulatory, contractual or business need.",
            "A.4 is not decided yet: nothing in the data calls for it, so say whether it applies (with a reason) or why it is excluded.",
        ], ApplicabilityModel.Undecided(rows));
    }

    [Fact]
    public void A_control_nothing_calls_for_is_undecided_not_excluded_and_the_figures_add_up()
    {
        var rows = Propose(Control("C1", ControlStatus.Implemented, "b:A.1"), Control("C4", ControlStatus.NotApplicable, "b:A.4"));

        Assert.Equal([false, true, true, false], rows.Select(r => r.Undecided));
        Assert.Equal(["Yes", "Not decided", "Not decided", "No"], rows.Select(r => r.Applicability));
        Assert.Equal(string.Empty, rows[1].Justification);

        // A person's decision settles it; leaving it open (null) keeps it open.
        var decided = ApplicabilityModel.Apply(rows, [new("b:A.2", false, [], "No AI suppliers."), new("b:A.3", null, [], null)]);
        Assert.Equal(["Yes", "No", "Not decided", "No"], decided.Select(r => r.Applicability));
        Assert.Equal(["A.3"], ApplicabilityModel.Undecided(decided).Select(p => p.Split(' ')[0]));
    }

    [Fact]
    public void A_published_document_is_a_basis_and_implements_a_control_that_asks_only_for_it()
    {
        var documents = new SoaDocuments(
            new Dictionary<string, IReadOnlyList<string>> { ["b:A.2"] = ["AI policy v1.0"], ["b:A.3"] = ["Secure development procedure v1.0"] },
            new HashSet<string> { "b:A.2" });

        var rows = ApplicabilityModel.Propose(Annex, [Control("C3", ControlStatus.Implemented, "b:A.3")], [], [], null, documents);

        Assert.Equal(SoaImplementation.Implemented, rows[1].Implementation);
        Assert.Equal([SoaReason.BusinessNeed], rows[1].Reasons);
        Assert.Equal("Addressed by AI policy v1.0; no control implements it yet.", rows[1].Justification);
        Assert.Equal(["AI policy v1.0"], rows[1].Documents);

        // A procedure starts the work; only the control that runs it shows it implemented.
        Assert.Equal(SoaImplementation.Implemented, rows[2].Implementation);
        var withoutControl = ApplicabilityModel.Propose(Annex, [], [], [], null, documents);
        Assert.Equal(SoaImplementation.InProgress, withoutControl[2].Implementation);
        Assert.True(withoutControl[3].Undecided);
    }

    [Fact]
    public void The_diff_names_each_changed_control_in_words()
    {
        var v1 = ApplicabilityModel.Apply(Propose(Control("C1", ControlStatus.Planned, "b:A.1")), [new("b:A.2", false, [], "No AI suppliers.")]);
        var v2 = ApplicabilityModel.Apply(Propose(Control("C1", ControlStatus.Implemented, "b:A.1")), [new("b:A.2", true, [SoaReason.LegalOrRegulatory], "Required by the EU AI Act.")]);

        var changes = SoaDiff.Between(v1, v2);

        Assert.Equal(["A.1", "A.2"], changes.Select(c => c.Ref));
        Assert.Equal(["implementation: Planned -> Implemented"], changes[0].Changes);
        Assert.Equal("now included", changes[1].Changes[0]);
        Assert.Equal("reasons: none -> Legal or regulatory", changes[1].Changes[1]);
    }
}
