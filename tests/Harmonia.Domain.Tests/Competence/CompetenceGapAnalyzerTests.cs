using Harmonia.Domain.Competence;

namespace Harmonia.Domain.Tests.Competence;

public sealed class CompetenceGapAnalyzerTests
{
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly Guid Ada = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid Bo = Guid.Parse("00000000-0000-0000-0000-00000000000b");

    private static readonly CompetenceRole[] Roles =
    [
        new("AI engineer", ["machine-learning", "ai-ethics"]),
        new("ISMS manager", ["security-risk", "ai-ethics"]),
    ];

    [Fact]
    public void Each_person_is_checked_once_per_competence_their_roles_require_current_expired_or_missing()
    {
        CompetencePerson[] people = [new(Ada, "Ada", ["AI engineer", "isms manager"]), new(Bo, "Bo", ["ISMS manager"])];
        CompetenceProof[] evidence =
        [
            new(Ada, "machine-learning", "ML course", new(2025, 1, 1), null),
            new(Ada, "ai-ethics", "Ethics course 2023", new(2023, 1, 1), new(2025, 1, 1)),
            new(Bo, "security-risk", "Risk certificate", new(2024, 1, 1), new(2026, 6, 15)),
            new(Bo, "ai-ethics", "Planned course", new(2026, 9, 1), null),
        ];

        var report = CompetenceGapAnalyzer.Analyze(Roles, people, evidence, Today);

        var ada = report.Cells.Where(c => c.PersonId == Ada).ToDictionary(c => c.CompetenceKey);
        Assert.Equal(["ai-ethics", "machine-learning", "security-risk"], ada.Keys);
        Assert.Equal(CoverageState.Covered, ada["machine-learning"].State);
        Assert.Equal(CoverageState.Expired, ada["ai-ethics"].State);
        Assert.Equal("Ethics course 2023", ada["ai-ethics"].Evidence);
        Assert.Equal(["AI engineer", "ISMS manager"], ada["ai-ethics"].RequiredBy);
        Assert.Equal(CoverageState.Missing, ada["security-risk"].State);

        var bo = report.Cells.Where(c => c.PersonId == Bo).ToDictionary(c => c.CompetenceKey, c => c.State);
        Assert.Equal(CoverageState.Covered, bo["security-risk"]);
        Assert.Equal(CoverageState.Missing, bo["ai-ethics"]);

        Assert.Equal((2, 2, 1), (report.Covered, report.Missing, report.Expired));
        Assert.Equal(3, report.Gaps);
        var isms = report.Roles.Single(r => r.Role == "ISMS manager");
        Assert.Equal(new RoleCoverage("ISMS manager", 2, 2, 1, 2, 1), isms);
        Assert.Equal(new RoleCoverage("AI engineer", 1, 2, 1, 0, 1), report.Roles.Single(r => r.Role == "AI engineer"));
    }

    [Fact]
    public void Renewed_evidence_covers_again_and_people_without_roles_have_no_gaps()
    {
        CompetencePerson[] people = [new(Ada, "Ada", ["AI engineer"]), new(Bo, "Bo", [])];
        CompetenceProof[] evidence =
        [
            new(Ada, "machine-learning", "ML course", new(2025, 1, 1), null),
            new(Ada, "ai-ethics", "Ethics 2023", new(2023, 1, 1), new(2025, 1, 1)),
            new(Ada, "ai-ethics", "Ethics 2025", new(2025, 2, 1), new(2027, 2, 1)),
        ];

        var report = CompetenceGapAnalyzer.Analyze(Roles, people, evidence, Today);

        Assert.Equal(0, report.Gaps);
        Assert.Equal("Ethics 2025", report.Cells.Single(c => c.CompetenceKey == "ai-ethics").Evidence);
        Assert.DoesNotContain(report.Cells, c => c.PersonId == Bo);
    }

    [Fact]
    public void The_built_in_catalogue_has_the_ai_competences_42001_adds_and_unique_keys()
    {
        Assert.Equal(CompetenceCatalog.BuiltIn.Count, CompetenceCatalog.BuiltIn.Select(c => c.Key).Distinct().Count());
        foreach (var key in new[] { "machine-learning", "data-science", "ai-ethics", "ai-law" })
        {
            Assert.Equal(CompetenceArea.Ai, CompetenceCatalog.Find(key)!.Area);
        }

        Assert.Contains(CompetenceCatalog.BuiltIn, c => c.Area == CompetenceArea.Security);
    }
}
