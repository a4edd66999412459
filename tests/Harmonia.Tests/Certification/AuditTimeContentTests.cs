using Harmonia.App.Content;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Certification;

/// <summary>The shipped audit-time tables load, and broken ones fail loudly with file and line like the other content.</summary>
public sealed class AuditTimeContentTests
{
    private static string Shipped => File.ReadAllText(Path.Combine(RepositoryPaths.Content, "certification", "audit-time.yaml"));

    private static ContentValidationException Refused(string text)
    {
        var files = ContentFile.Embedded().Where(f => f.Path != "certification/audit-time.yaml").Append(new ContentFile("certification/audit-time.yaml", text)).ToArray();
        return Assert.Throws<ContentValidationException>(() => CatalogLoader.Load(files));
    }

    [Fact]
    public void The_shipped_tables_carry_their_sources_the_date_checked_and_the_caution()
    {
        var tables = LoadedContent.Shipped.AuditTime!;
        Assert.Equal(new DateOnly(2026, 12, 4), tables.Checked);
        Assert.Contains("Verify every number with your certification body", tables.Caution, StringComparison.Ordinal);
        Assert.Equal(16, tables.Isms.Headcount.Bands.Count);
        Assert.Equal(20, tables.Integration.MaxReductionPercent);
        Assert.All([.. tables.Isms.Sources, .. tables.Aims.Sources, .. tables.Integration.Sources, .. tables.Cycle.Sources], s => Assert.False(string.IsNullOrWhiteSpace(s.Text)));
    }

    [Fact]
    public void Bands_out_of_order_an_unknown_key_a_reduction_above_a_fifth_and_a_missing_caution_are_each_reported_with_their_line()
    {
        var text = Shipped
            .Replace("    - { upTo: 15, days: 6, verified: true }", "    - { upTo: 9, days: 6, verified: true }", StringComparison.Ordinal)
            .Replace("  maxReductionPercent: 20", "  maxReductionPercent: 25", StringComparison.Ordinal)
            .Replace("  highRiskPercent: 20", "  highRiskPercent: 20\n  hihgRisk: 5", StringComparison.Ordinal)
            .Replace("caution: >-", "cautious: >-", StringComparison.Ordinal);

        var errors = Refused(text).Errors.Select(e => e.ToString()).ToArray();

        Assert.Contains(errors, e => e.StartsWith("certification/audit-time.yaml:", StringComparison.Ordinal) && e.Contains("bands must grow", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("'maxReductionPercent' must be a number from 0 to 20", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("unknown key 'hihgRisk'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("the tables has no 'caution'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unverified_flag_must_be_stated_and_an_integration_level_harmonia_cannot_derive_is_refused()
    {
        var text = Shipped
            .Replace("    - { upTo: 10, days: 5, verified: true }", "    - { upTo: 10, days: 5 }", StringComparison.Ordinal)
            .Replace("id: one-risk-methodology", "id: same-coffee-machine", StringComparison.Ordinal);

        var errors = Refused(text).Errors.Select(e => e.ToString()).ToArray();

        Assert.Contains(errors, e => e.Contains("'verified' (true or false) is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("unknown criterion 'same-coffee-machine'", StringComparison.Ordinal));
    }
}
