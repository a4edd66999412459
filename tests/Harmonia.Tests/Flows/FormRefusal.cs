using Harmonia.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>The refusal as ADR 0023 wants it, checked the same way by every form test.</summary>
internal static class FormRefusal
{
    /// <summary>Empty when the message is right after the field or named by the field's aria-describedby.</summary>
    private const string BesideItsField = """
        ([selector, id]) => {
          const field = document.querySelector(selector);
          const message = document.getElementById(id);
          if (!field) return 'no field ' + selector;
          if (!message) return 'no message #' + id;
          const named = (field.getAttribute('aria-describedby') || '').split(/\s+/).includes(id);
          return named || field.nextElementSibling === message ? '' : 'the message #' + id + ' is neither right after ' + selector + ' nor named by its aria-describedby';
        }
        """;

    /// <summary>
    /// The message (containing <paramref name="words"/>) beside the field, one link to it in the summary, nothing of it
    /// nor of <paramref name="typed"/> in the address, the page accessible and, on a phone, not wider than the screen.
    /// </summary>
    public static async Task AssertAsync(IPage page, int width, string field, string errorId, string words, string form, params string[] typed)
    {
        // A click returns once the next page's navigation has committed, which may be before its body is parsed: the
        // message is waited for, then the whole page, instead of counting in the half-read one (CI once saw none).
        var message = page.Locator($"[id='{errorId}']");
        try
        {
            await Assertions.Expect(message).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        }
        catch (PlaywrightException)
        {
            Assert.Fail($"{form}: no single message #{errorId} on {page.Url}:\n" + await page.Locator("main").InnerTextAsync());
        }

        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains(words, await message.InnerTextAsync(), StringComparison.Ordinal);
        var beside = await page.EvaluateAsync<string>(BesideItsField, new[] { field, errorId });
        Assert.True(beside.Length == 0, $"{form}: {beside}");
        Assert.Equal(1, await page.Locator($"#error-summary a[href='#{errorId}']").CountAsync());
        Assert.Contains(words, await page.Locator("#error-summary").InnerTextAsync(), StringComparison.Ordinal);
        var address = Uri.UnescapeDataString(page.Url).Replace('+', ' ');
        Assert.DoesNotContain("error", address, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("typed", address, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(words, address, StringComparison.Ordinal);
        foreach (var value in typed)
        {
            Assert.False(address.Contains(value, StringComparison.OrdinalIgnoreCase), $"{form}: '{value}' travels in the address {address}");
        }

        await BrowserSupport.AssertAccessibleAsync(page, form + " after a refusal");
        if (width < 500)
        {
            var wider = await page.EvaluateAsync<string>(BrowserSupport.WiderThanTheScreen);
            Assert.True(wider.Length == 0, $"{form}: the refused page is wider than the phone: {wider}");
        }
    }
}
