using Harmonia.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>
/// ADR 0023 (issue 19) for the documents questionnaire and the impact assessment entries, on a desk and on a phone:
/// one deliberate mistake the server refuses, and the page comes back with the message beside its field (right after it
/// or named by its aria-describedby), a summary linking to it, every typed value (text, lists, selects, ticks, pickers,
/// emptied fields left empty), no outcome in the address, axe clean and, on the phone, nothing wider than the screen.
/// The other forms are in <see cref="EveryFormKeepsInputTests"/>.
/// </summary>
public sealed class MoreFormsKeepInputTests
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task The_questionnaire_keeps_every_answer_after_a_refusal(int width, int height)
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(width, height);
        await page.GotoAsync(site.Org + "/questionnaire");
        var before = await page.Locator("main p.muted").First.InnerTextAsync();

        // Every kind of question answered; the passphrase length is out of its range. The browser's own range check is
        // turned off, as an older browser or a pasted value would pass it: the server must still keep what was typed.
        await page.Locator("form.questionnaire").EvaluateAsync("f => f.noValidate = true");
        await page.Locator("#q-org-name").FillAsync("Acme Analytics GmbH");
        await page.Locator("#q-org-sector").FillAsync(string.Empty);
        await page.Locator("#q-org-locations").FillAsync("Berlin, Germany\nLisbon, Portugal");
        await page.Locator("#q-org-hosting").SelectOptionAsync("hybrid");
        var first = page.Locator("#q-org-data_types-0");
        var sixth = page.Locator("#q-org-data_types-5");
        var (firstTicked, sixthTicked) = (!await first.IsCheckedAsync(), !await sixth.IsCheckedAsync());
        await first.SetCheckedAsync(firstTicked);
        await sixth.SetCheckedAsync(sixthTicked);
        await page.Locator("#q-ai-high_impact").SelectOptionAsync("yes");
        await page.Locator("#q-ai-oversight").SelectOptionAsync("human_on_the_loop");
        await page.Locator("#q-concerns-channel").FillAsync("ethics@acme.example, anonymous reports through the whistleblowing tool");
        await page.Locator("#q-logs-retention_days").FillAsync("400");
        await page.Locator("#q-passwords-min_length").FillAsync("200");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();

        await FormRefusal.AssertAsync(page, width, "#q-passwords-min_length", "error-passwords.min_length", "from 8 to 128", "questionnaire");
        Assert.Equal("true", await page.Locator("#q-passwords-min_length").GetAttributeAsync("aria-invalid"));
        Assert.Equal("200", await page.Locator("#q-passwords-min_length").InputValueAsync());
        Assert.Equal("Acme Analytics GmbH", await page.Locator("#q-org-name").InputValueAsync());
        Assert.Equal(string.Empty, await page.Locator("#q-org-sector").InputValueAsync());
        Assert.Equal("Berlin, Germany\nLisbon, Portugal", await page.Locator("#q-org-locations").InputValueAsync());
        Assert.Equal("hybrid", await page.Locator("#q-org-hosting").InputValueAsync());
        Assert.Equal(firstTicked, await first.IsCheckedAsync());
        Assert.Equal(sixthTicked, await sixth.IsCheckedAsync());
        Assert.Equal("yes", await page.Locator("#q-ai-high_impact").InputValueAsync());
        Assert.Equal("human_on_the_loop", await page.Locator("#q-ai-oversight").InputValueAsync());
        Assert.Equal("ethics@acme.example, anonymous reports through the whistleblowing tool", await page.Locator("#q-concerns-channel").InputValueAsync());
        Assert.Equal("400", await page.Locator("#q-logs-retention_days").InputValueAsync());
        Assert.Equal(1, await page.Locator(".field-error").CountAsync());
        Assert.Equal(before, await page.Locator("main p.muted").First.InnerTextAsync());

        // Corrected, the answers are saved, and the page shows them from the record.
        await page.Locator("#q-passwords-min_length").FillAsync("14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save answers" }).ClickAsync();
        await page.GetByText("Answers saved as version", new() { Exact = false }).WaitForAsync();
        Assert.Equal("14", await page.Locator("#q-passwords-min_length").InputValueAsync());
        Assert.Equal("Acme Analytics GmbH", await page.Locator("#q-org-name").InputValueAsync());
        Assert.Equal(0, await page.Locator(".field-error").CountAsync());
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task An_impact_assessment_row_keeps_what_was_typed_and_gets_its_own_message(int width, int height)
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(width, height);
        await page.GotoAsync(site.Org + "/ai-systems");
        await page.GotoAsync(site.BaseUrl + await page.Locator("main a", new() { HasText = "Support copilot" }).First.GetAttributeAsync("href"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Start a new impact assessment" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Fill in the draft" }).WaitForAsync();

        // The first row is left empty; the second is typed in full but for the people affected.
        await page.Locator("#e1-dimension").SelectOptionAsync("privacy");
        await page.Locator("#e1-description").FillAsync("Drafted replies may quote another customer's ticket.");
        await page.Locator("#e1-severity").SelectOptionAsync("4");
        await page.Locator("#e1-likelihood").SelectOptionAsync("2");
        await page.Locator("#e1-mitigation").FillAsync("Agents review every draft; the tool sees one ticket at a time.");
        await BrowserSupport.PickAsync(page, "e1-controls", "C-01");
        await page.Locator("#e1-residualSeverity").SelectOptionAsync("3");
        await page.Locator("#e1-residualLikelihood").SelectOptionAsync("1");
        await page.Locator("#ia-summary").FillAsync("Acceptable with the review of every draft.");
        await page.Locator("#ia-residual").FillAsync("Low");
        await page.Locator("#ia-decision").SelectOptionAsync("proceed-with-conditions");
        await page.Locator("#ia-review").FillAsync("2027-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();

        // The message is the second row's, not the first's (the first filled row is the second on the form).
        await FormRefusal.AssertAsync(page, width, "#e1", "error-e1", "Impact 2: Name the people affected", "impact assessment entries");
        Assert.Equal(0, await page.Locator("[id='error-e0']").CountAsync());
        Assert.Equal("privacy", await page.Locator("#e1-dimension").InputValueAsync());
        Assert.Equal("Drafted replies may quote another customer's ticket.", await page.Locator("#e1-description").InputValueAsync());
        Assert.Equal(string.Empty, await page.Locator("#e1-affectedGroup").InputValueAsync());
        Assert.Equal("4", await page.Locator("#e1-severity").InputValueAsync());
        Assert.Equal("2", await page.Locator("#e1-likelihood").InputValueAsync());
        Assert.Equal("Agents review every draft; the tool sees one ticket at a time.", await page.Locator("#e1-mitigation").InputValueAsync());
        Assert.True(await page.Locator("#e1-controls input[value='C-01']").IsCheckedAsync());
        Assert.Equal("3", await page.Locator("#e1-residualSeverity").InputValueAsync());
        Assert.Equal("1", await page.Locator("#e1-residualLikelihood").InputValueAsync());
        Assert.Equal(string.Empty, await page.Locator("#e0-dimension").InputValueAsync());
        Assert.Equal(string.Empty, await page.Locator("#e0-description").InputValueAsync());
        Assert.Equal("Acceptable with the review of every draft.", await page.Locator("#ia-summary").InputValueAsync());
        Assert.Equal("Low", await page.Locator("#ia-residual").InputValueAsync());
        Assert.Equal("proceed-with-conditions", await page.Locator("#ia-decision").InputValueAsync());
        Assert.Equal("2027-06-30", await page.Locator("#ia-review").InputValueAsync());

        // Corrected, the draft is saved with the one impact.
        await page.Locator("#e1-affectedGroup").FillAsync("Customers writing to support");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the draft" }).ClickAsync();
        await page.GetByText("Done: draft saved", new() { Exact = false }).WaitForAsync();
        Assert.Equal("Customers writing to support", await page.Locator("#e0-affectedGroup").InputValueAsync());
        Assert.Equal(0, await page.Locator(".field-error").CountAsync());
    }
}
