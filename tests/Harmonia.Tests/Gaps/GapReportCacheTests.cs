using Harmonia.App.Content;
using Harmonia.App.Features.Gaps;
using Harmonia.Domain.Gaps;
using Harmonia.Domain.Mapping;

namespace Harmonia.Tests.Gaps;

/// <summary>Issue 20, item 4: the report cache is bounded and never keeps a report whose change token has passed.</summary>
public sealed class GapReportCacheTests
{
    private static readonly GapReport Report = new GapAnalyzer(new MappingEngine(LoadedContent.Shipped.Catalog))
        .Analyze(new OrganizationState("Cache Ltd", 10, 1, [], []), "iso27001-2022");

    [Fact]
    public void A_newer_change_replaces_the_report_and_the_cache_keeps_at_most_its_bound()
    {
        var cache = new StoredGapReportCache();
        var organization = Guid.NewGuid();
        for (var sequence = 1; sequence <= 1000; sequence++)
        {
            cache.Add((organization, "iso27001-2022", sequence, "v1"), Report);
        }

        Assert.Equal(1, cache.Count);
        Assert.False(cache.TryGet((organization, "iso27001-2022", 999, "v1"), out _));
        Assert.True(cache.TryGet((organization, "iso27001-2022", 1000, "v1"), out var latest));
        Assert.Same(Report, latest);
        Assert.False(cache.TryGet((organization, "iso27001-2022", 1000, "v2"), out _));

        var first = Guid.NewGuid();
        cache.Add((first, "iso42001-2023", 1, "v1"), Report);
        for (var i = 0; i < StoredGapReportCache.MaxEntries * 3; i++)
        {
            // The first organization keeps being read, so it is the one that stays.
            Assert.True(cache.TryGet((first, "iso42001-2023", 1, "v1"), out _));
            cache.Add((Guid.NewGuid(), "iso27001-2022", 1, "v1"), Report);
        }

        Assert.Equal(StoredGapReportCache.MaxEntries, cache.Count);
        Assert.True(cache.TryGet((first, "iso42001-2023", 1, "v1"), out _));
        Assert.False(cache.TryGet((organization, "iso27001-2022", 1000, "v1"), out _));
    }
}
