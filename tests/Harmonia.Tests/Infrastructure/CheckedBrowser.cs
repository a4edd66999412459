using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace Harmonia.Tests.Infrastructure;

/// <summary>
/// The browser every browser test uses (issue 19 item 11): each page it loads is checked by axe-core against WCAG 2.1
/// A and AA as soon as it has loaded, whether the test photographs it or not. The check runs inside the page (an init
/// script, which the pages' content security policy does not govern) and reports back through an exposed function;
/// <see cref="BrowserSupport.AssertAccessibleAsync"/> and the end of the test fail on any violation reported so far.
/// The same report carries the page's timings for <see cref="PageTimings"/>.
/// </summary>
internal sealed class CheckedBrowser(IBrowser browser) : IAsyncDisposable
{
    private const string Report = "__harmoniaAxeReport";

    private static readonly ConcurrentDictionary<IBrowserContext, CheckedBrowser> Owners = new();

    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentQueue<string> _checked = new();

    // Each test starts its own server and browser: the browser's first page is that server's first request, and its
    // first visit of each page is that server's first.
    private readonly ConcurrentDictionary<string, bool> _pagesSeen = new(StringComparer.Ordinal);
    private int _loads;

    /// <summary>The pages checked so far, in the order their check finished.</summary>
    public IReadOnlyCollection<string> Checked => _checked;

    public IBrowser Browser => browser;

    public async Task<IPage> NewPageAsync(BrowserNewPageOptions? options = null)
    {
        var context = await NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = options?.ViewportSize,
            AcceptDownloads = options?.AcceptDownloads,
        });
        return await context.NewPageAsync();
    }

    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions? options = null)
    {
        var context = await browser.NewContextAsync(options);
        Owners[context] = this;
        await context.ExposeFunctionAsync<string>(Report, json =>
        {
            using var report = JsonDocument.Parse(json);
            var url = report.RootElement.GetProperty("url").GetString();
            _checked.Enqueue(url ?? "?");
            var firstOfPage = _pagesSeen.TryAdd(PageTimings.Shape(url ?? "?"), true);
            var visit = Interlocked.Increment(ref _loads) == 1 ? "cold" : firstOfPage ? "first" : "warm";
            PageTimings.Record(url ?? "?", report.RootElement.GetProperty("server").GetDouble(), report.RootElement.GetProperty("post").GetDouble(), visit);
            foreach (var violation in report.RootElement.GetProperty("violations").EnumerateArray())
            {
                _violations.Enqueue($"{violation.GetString()} on {url}");
            }
        });
        await context.AddInitScriptAsync(BrowserSupport.AxeSource.Value + "\n" + OnLoad);

        // A script error on any page fails the test as well: the pages' one script must never break.
        context.Page += (_, page) => page.PageError += (_, error) => _violations.Enqueue($"script error on {page.Url}: {error}");
        return context;
    }

    /// <summary>Fails with every violation reported so far by the pages of <paramref name="page"/>'s browser.</summary>
    public static void AssertNoViolations(IPage page)
    {
        if (Owners.TryGetValue(page.Context, out var owner))
        {
            owner.AssertNoViolations();
        }
    }

    public void AssertNoViolations() =>
        Assert.True(_violations.IsEmpty, "axe-core found accessibility violations on pages the test visited:\n" + string.Join("\n", _violations.Distinct(StringComparer.Ordinal)));

    public async ValueTask DisposeAsync()
    {
        foreach (var context in browser.Contexts)
        {
            Owners.TryRemove(context, out _);
        }

        await browser.DisposeAsync();
        Assert.True(!_checked.IsEmpty, "no page this browser loaded was checked by axe-core");
        AssertNoViolations();
    }

    // Runs once per loaded document in the top frame; every run (this one and AssertAccessibleAsync's) is chained on
    // window.__harmoniaAxeRun, since axe refuses two runs at once.
    private const string OnLoad = $$"""
        (() => {
          if (window.top !== window || location.protocol === 'about:') return;
          window.addEventListener('load', () => {
            // Chained after any run already going: axe refuses two runs at once.
            window.__harmoniaAxeRun = (window.__harmoniaAxeRun || Promise.resolve()).catch(() => {})
              .then(() => axe.run(document, { runOnly: { type: 'tag', values: {{BrowserSupport.WcagTags}} } }))
              .then(r => window.{{Report}}(JSON.stringify({
                url: location.pathname + location.search,
                server: (() => { const n = performance.getEntriesByType('navigation')[0]; return n ? n.responseStart - n.requestStart : -1; })(),
                post: (() => { const n = performance.getEntriesByType('navigation')[0]; return n && n.redirectEnd > 0 ? n.redirectEnd - n.redirectStart : -1; })(),
                violations: r.violations.map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ')}`),
              })))
              .catch(() => {});
          });
        })();
        """;
}
