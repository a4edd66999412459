using System.Globalization;
using Harmonia.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Harmonia.Tests.Flows;

/// <summary>
/// ADR 0023 for every data-entry form a newcomer meets (issue 19), on a desk and on a phone: each form is filled as a
/// person would fill it, with one deliberate mistake the server refuses; the page comes back with the message beside
/// its field (right after it or named by its aria-describedby), a summary linking to it, every typed value (text,
/// selects, ticks, pickers), no outcome in the address and, on the phone, nothing wider than the screen. axe-core checks
/// every page load (CheckedBrowser) and each refused page explicitly. The risk form, the AI system form and the SoA are
/// in <see cref="FormsKeepInputFlowTests"/>.
/// </summary>
public sealed class EveryFormKeepsInputTests
{
    private static readonly string Yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static readonly string NextMonth = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Controls_evidence_suppliers_and_recurring_activities_keep_what_was_typed(int width, int height)
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(width, height);
        var control = await site.AddControlAsync("C-KEEP-1");

        // The control form: a key with spaces.
        await page.GotoAsync(site.Org + "/controls/new");
        await page.Locator("#control-key").FillAsync("C KEEP 2");
        await page.Locator("#control-name").FillAsync("Encrypted laptops");
        await page.Locator("#control-owner").FillAsync("Head of IT");
        await page.Locator("#control-status").SelectOptionAsync("in_progress");
        await BrowserSupport.PickAsync(page, "control-requirements", "iso27001-2022:A.8.1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save control" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#control-key", "error-key", "no spaces", "control form");
        Assert.Equal("C KEEP 2", await page.Locator("#control-key").InputValueAsync());
        Assert.Equal("Encrypted laptops", await page.Locator("#control-name").InputValueAsync());
        Assert.Equal("Head of IT", await page.Locator("#control-owner").InputValueAsync());
        Assert.Equal("in_progress", await page.Locator("#control-status").InputValueAsync());
        Assert.True(await page.Locator("#control-requirements input[value='iso27001-2022:A.8.1']").IsCheckedAsync());

        // Evidence for a control: a link whose expiry comes before it takes effect.
        await page.GotoAsync($"{site.Org}/controls/{control}");
        await page.Locator("#evidence-title").FillAsync("Laptop encryption report Q2");
        await page.Locator("#evidence-url").FillAsync("https://intranet.example/reports/encryption-q2");
        await page.Locator("#evidence-effective").FillAsync("2026-03-01");
        await page.Locator("#evidence-expires").FillAsync("2026-01-01");
        await page.Locator("#evidence-note").FillAsync("Exported from the MDM console.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add evidence" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#evidence-expires", "error-expiresOn", "before the effective date", "evidence form");
        Assert.Equal("Laptop encryption report Q2", await page.Locator("#evidence-title").InputValueAsync());
        Assert.Equal("https://intranet.example/reports/encryption-q2", await page.Locator("#evidence-url").InputValueAsync());
        Assert.Equal("2026-03-01", await page.Locator("#evidence-effective").InputValueAsync());
        Assert.Equal("2026-01-01", await page.Locator("#evidence-expires").InputValueAsync());
        Assert.Equal("Exported from the MDM console.", await page.Locator("#evidence-note").InputValueAsync());

        // The supplier form: a contract that ends before it starts. The refusal is rendered in place (prefix "supplier").
        await page.GotoAsync(site.Org + "/suppliers");
        await page.Locator("#add-name").FillAsync("Kelvin Couriers GmbH");
        await page.Locator("#add-services").FillAsync("Courier for replacement laptops");
        await page.Locator("#add-kind").SelectOptionAsync("outsourced-process");
        var tier = await page.Locator("#add-tier option").Last.GetAttributeAsync("value");
        await page.Locator("#add-tier").SelectOptionAsync(tier!);
        await page.Locator("#add-status").SelectOptionAsync("active");
        await page.Locator("#add-data").FillAsync("Names and addresses of employees");
        await page.Locator("#add-contacts").FillAsync("Jana Kelvin | account manager | jana@kelvin.example");
        await page.Locator("#add-contracts").FillAsync("Courier agreement | 2026-05-01 | 2026-01-01");
        await BrowserSupport.PickAsync(page, "add-controls", "C-KEEP-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the supplier" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#supplier-contracts", "error-contracts", "before it starts", "supplier form");
        Assert.Equal("Kelvin Couriers GmbH", await page.Locator("#supplier-name").InputValueAsync());
        Assert.Equal("Courier for replacement laptops", await page.Locator("#supplier-services").InputValueAsync());
        Assert.Equal("outsourced-process", await page.Locator("#supplier-kind").InputValueAsync());
        Assert.Equal(tier, await page.Locator("#supplier-tier").InputValueAsync());
        Assert.Equal("active", await page.Locator("#supplier-status").InputValueAsync());
        Assert.Equal("Names and addresses of employees", await page.Locator("#supplier-data").InputValueAsync());
        Assert.Equal("Jana Kelvin | account manager | jana@kelvin.example", await page.Locator("#supplier-contacts").InputValueAsync());
        Assert.Equal("Courier agreement | 2026-05-01 | 2026-01-01", await page.Locator("#supplier-contracts").InputValueAsync());
        Assert.True(await page.Locator("#supplier-controls input[value='C-KEEP-1']").IsCheckedAsync());

        // A recurring activity: its owner's account is no member of the organization.
        await page.GotoAsync(site.Org + "/recurring");
        await page.Locator("#ra-title").FillAsync("Quarterly laptop encryption check");
        await page.Locator("#ra-kind").SelectOptionAsync("control");
        await page.Locator("#ra-control").SelectOptionAsync("C-KEEP-1");
        await page.Locator("#ra-rule").FillAsync("FREQ=MONTHLY;INTERVAL=3");
        await page.Locator("#ra-starts").FillAsync("2026-01-15");
        await page.Locator("#ra-owner").FillAsync("Head of IT");
        await page.Locator("#ra-account").FillAsync("stranger@else.example");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the activity" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#ra-account", "error-ownerAccount", "not a member", "recurring activity form");
        Assert.Equal("Quarterly laptop encryption check", await page.Locator("#ra-title").InputValueAsync());
        Assert.Equal("control", await page.Locator("#ra-kind").InputValueAsync());
        Assert.Equal("C-KEEP-1", await page.Locator("#ra-control").InputValueAsync());
        Assert.Equal("FREQ=MONTHLY;INTERVAL=3", await page.Locator("#ra-rule").InputValueAsync());
        Assert.Equal("2026-01-15", await page.Locator("#ra-starts").InputValueAsync());
        Assert.Equal("Head of IT", await page.Locator("#ra-owner").InputValueAsync());
        Assert.Equal("stranger@else.example", await page.Locator("#ra-account").InputValueAsync());
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Audits_their_results_and_nonconformities_keep_what_was_typed(int width, int height)
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(width, height);

        // The audit plan: the end before the start.
        await page.GotoAsync(site.Org + "/audits");
        await page.Locator("#audit-key").FillAsync("IA-KEEP-1");
        await page.Locator("#audit-title").FillAsync("Internal audit of the laptop fleet");
        await page.Locator("#audit-fw-27001").CheckAsync();
        await page.Locator("#audit-processes").FillAsync("Laptop provisioning");
        await page.Locator("#audit-sites").FillAsync("Berlin office");
        await page.Locator("#audit-start").FillAsync("2026-06-10");
        await page.Locator("#audit-end").FillAsync("2026-06-01");
        await page.Locator("#audit-auditors").FillAsync("Ines Auditor");
        await page.Locator("#audit-criteria").FillAsync("ISO/IEC 27001:2022 and the laptop policy");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the audit" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#audit-start", "error-plannedStart", "the end not before the start", "audit plan");
        Assert.Equal("IA-KEEP-1", await page.Locator("#audit-key").InputValueAsync());
        Assert.Equal("Internal audit of the laptop fleet", await page.Locator("#audit-title").InputValueAsync());
        Assert.True(await page.Locator("#audit-fw-27001").IsCheckedAsync());
        Assert.False(await page.Locator("#audit-fw-42001").IsCheckedAsync());
        Assert.Equal("Laptop provisioning", await page.Locator("#audit-processes").InputValueAsync());
        Assert.Equal("Berlin office", await page.Locator("#audit-sites").InputValueAsync());
        Assert.Equal("2026-06-10", await page.Locator("#audit-start").InputValueAsync());
        Assert.Equal("2026-06-01", await page.Locator("#audit-end").InputValueAsync());
        Assert.Equal("Ines Auditor", await page.Locator("#audit-auditors").InputValueAsync());
        Assert.Equal("ISO/IEC 27001:2022 and the laptop policy", await page.Locator("#audit-criteria").InputValueAsync());

        // Corrected, the audit is planned and its checklist opens.
        await page.Locator("#audit-end").FillAsync("2026-06-12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the audit" }).ClickAsync();
        await page.Locator("form.rowform").First.WaitForAsync();

        // Grading a checklist item: a minor nonconformity without saying what was found.
        var row = page.Locator("form.rowform").First;
        var anchor = (await row.GetAttributeAsync("id"))!["result-".Length..];
        await page.Locator($"#grade-{anchor}").SelectOptionAsync("MinorNonconformity");
        await page.Locator($"#sampled-{anchor}").FillAsync("12 laptop hand-over forms of May");
        await page.Locator($"#result-{anchor} button[type=submit]").ClickAsync();
        await FormRefusal.AssertAsync(page, width, $"#note-{anchor}", "error-note", "says what was found", "audit result");
        Assert.Equal("MinorNonconformity", await page.Locator($"#grade-{anchor}").InputValueAsync());
        Assert.Equal("12 laptop hand-over forms of May", await page.Locator($"#sampled-{anchor}").InputValueAsync());
        Assert.Equal(1, await page.Locator("[id='error-note']").CountAsync());

        // With the note the finding raises a nonconformity; its root cause is recorded.
        await page.Locator($"#note-{anchor}").FillAsync("Two hand-over forms were not signed.");
        await page.Locator($"#result-{anchor} button[type=submit]").ClickAsync();
        var nonconformity = page.Locator("main a[href*='/nonconformities/']").First;
        await nonconformity.WaitForAsync();
        await page.GotoAsync(site.BaseUrl + await nonconformity.GetAttributeAsync("href"));
        await page.Locator("#nc-why-0").FillAsync("The hand-over checklist has no signature step.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the root cause" }).ClickAsync();

        // Its corrective action: due before the day it is planned.
        await page.Locator("#nc-a0-description").FillAsync("Add a signature step to the hand-over checklist");
        await page.Locator("#nc-a0-owner").FillAsync("Head of IT");
        await page.Locator("#nc-a0-due").FillAsync(Yesterday);
        await page.Locator("#nc-a1-description").FillAsync("Brief the service desk");
        await page.Locator("#nc-a1-owner").FillAsync("Service desk lead");
        await page.Locator("#nc-a1-due").FillAsync(NextMonth);
        await page.GetByRole(AriaRole.Button, new() { Name = "Plan the actions" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#nc-a0-due", "error-plan", "before it is planned", "corrective action");
        Assert.Equal("Add a signature step to the hand-over checklist", await page.Locator("#nc-a0-description").InputValueAsync());
        Assert.Equal("Head of IT", await page.Locator("#nc-a0-owner").InputValueAsync());
        Assert.Equal(Yesterday, await page.Locator("#nc-a0-due").InputValueAsync());
        Assert.Equal("Brief the service desk", await page.Locator("#nc-a1-description").InputValueAsync());
        Assert.Equal("Service desk lead", await page.Locator("#nc-a1-owner").InputValueAsync());
        Assert.Equal(NextMonth, await page.Locator("#nc-a1-due").InputValueAsync());
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Objectives_competence_and_reviews_keep_what_was_typed(int width, int height)
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(width, height);

        // An objective: an owner of blanks only.
        await page.GotoAsync(site.Org + "/objectives");
        await page.Locator("#objective-title").FillAsync("Every laptop is encrypted");
        await page.Locator("#objective-system").SelectOptionAsync("both");
        await page.Locator("#objective-measure").FillAsync("share of laptops with full-disk encryption in the MDM report");
        await page.Locator("#objective-unit").FillAsync("%");
        await page.Locator("#objective-direction").SelectOptionAsync("at-least");
        await page.Locator("#objective-target").FillAsync("98.5");
        await page.Locator("#objective-owner").FillAsync("   ");
        await page.Locator("#objective-frequency").SelectOptionAsync("monthly");
        await page.Locator("#objective-due").FillAsync("2026-12-31");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the objective" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#objective-owner", "error-owner", "An owner", "objective form");
        Assert.Equal("Every laptop is encrypted", await page.Locator("#objective-title").InputValueAsync());
        Assert.Equal("both", await page.Locator("#objective-system").InputValueAsync());
        Assert.Equal("share of laptops with full-disk encryption in the MDM report", await page.Locator("#objective-measure").InputValueAsync());
        Assert.Equal("%", await page.Locator("#objective-unit").InputValueAsync());
        Assert.Equal("at-least", await page.Locator("#objective-direction").InputValueAsync());
        Assert.Equal("98.5", await page.Locator("#objective-target").InputValueAsync());
        Assert.Equal("monthly", await page.Locator("#objective-frequency").InputValueAsync());
        Assert.Equal("2026-12-31", await page.Locator("#objective-due").InputValueAsync());

        // Corrected, it is set; a measurement dated in the future is refused in its own row.
        await page.Locator("#objective-owner").FillAsync("Head of IT");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set the objective" }).ClickAsync();
        var measure = page.Locator("tr:has-text('Every laptop is encrypted') + tr.row-form form[action$='/measure']");
        await measure.WaitForAsync();
        var key = (await measure.GetAttributeAsync("aria-label"))!["Record a measurement of ".Length..];
        await page.Locator($"#measured-{key}").FillAsync(NextMonth);
        await page.Locator($"#value-{key}").FillAsync("97");
        await page.Locator($"#note-{key}").FillAsync("MDM export of the first of the month");
        await page.Locator($"form[aria-label='Record a measurement of {key}']").GetByRole(AriaRole.Button, new() { Name = "Record measurement" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, $"#measured-{key}", "error-measuredOn", "not in the future", "objective measurement");
        Assert.Equal(NextMonth, await page.Locator($"#measured-{key}").InputValueAsync());
        Assert.Equal("97", await page.Locator($"#value-{key}").InputValueAsync());
        Assert.Equal("MDM export of the first of the month", await page.Locator($"#note-{key}").InputValueAsync());
        Assert.Equal(string.Empty, await page.Locator("#objective-title").InputValueAsync());

        // A competence role: a name with a comma. The other forms on the page stay empty.
        await page.GotoAsync(site.Org + "/competence");
        await page.Locator("#role-name").FillAsync("AI engineer, senior");
        await page.Locator("#role-description").FillAsync("Builds and evaluates the models");
        var competence = (await page.Locator("input[name=requiredCompetences]").First.GetAttributeAsync("value"))!;
        await page.Locator($"input[name=requiredCompetences][value='{competence}']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Define the role" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#role-name", "error-name", "without commas", "competence role");
        Assert.Equal("AI engineer, senior", await page.Locator("#role-name").InputValueAsync());
        Assert.Equal("Builds and evaluates the models", await page.Locator("#role-description").InputValueAsync());
        Assert.True(await page.Locator($"input[name=requiredCompetences][value='{competence}']").IsCheckedAsync());
        Assert.Equal(string.Empty, await page.Locator("#person-name").InputValueAsync());
        Assert.Equal(string.Empty, await page.Locator("#competence-name").InputValueAsync());

        // Competence evidence: it expires before it was obtained.
        await page.Locator("#person-name").FillAsync("Ada Keeper");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the person" }).ClickAsync();
        await page.Locator("#evidence-person").WaitForAsync();
        var person = (await page.Locator("#evidence-person option", new() { HasText = "Ada Keeper" }).GetAttributeAsync("value"))!;
        var skill = (await page.Locator("#evidence-competence option").Last.GetAttributeAsync("value"))!;
        await page.Locator("#evidence-person").SelectOptionAsync(person);
        await page.Locator("#evidence-competence").SelectOptionAsync(skill);
        await page.Locator("#evidence-kind").SelectOptionAsync("qualification");
        await page.Locator("#evidence-title").FillAsync("Certified cloud security professional");
        await page.Locator("#evidence-obtained").FillAsync("2025-03-01");
        await page.Locator("#evidence-expires").FillAsync("2025-01-01");
        await page.Locator("#evidence-reference").FillAsync("certificate 4711.pdf");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the evidence" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#evidence-expires", "error-expiresOn", "after the date obtained", "competence evidence");
        Assert.Equal(person, await page.Locator("#evidence-person").InputValueAsync());
        Assert.Equal(skill, await page.Locator("#evidence-competence").InputValueAsync());
        Assert.Equal("qualification", await page.Locator("#evidence-kind").InputValueAsync());
        Assert.Equal("Certified cloud security professional", await page.Locator("#evidence-title").InputValueAsync());
        Assert.Equal("2025-03-01", await page.Locator("#evidence-obtained").InputValueAsync());
        Assert.Equal("2025-01-01", await page.Locator("#evidence-expires").InputValueAsync());
        Assert.Equal("certificate 4711.pdf", await page.Locator("#evidence-reference").InputValueAsync());

        // A management review: held on a day still to come.
        await page.GotoAsync(site.Org + "/management-reviews");
        await page.Locator("#review-held").FillAsync(NextMonth);
        var top = page.Locator("input[name=topManagement]");
        var topId = await top.CountAsync() > 0 ? await top.First.GetAttributeAsync("id") : null;
        if (topId is not null)
        {
            await page.Locator($"#{topId}").CheckAsync();
        }

        await page.Locator("#review-attendees").FillAsync("ISMS Manager, AI Governance Lead");
        await page.Locator("#review-decisions").FillAsync("Fund full-disk encryption for the remaining laptops.");
        await page.Locator("#action-0-description").FillAsync("Order encryption licences");
        await page.Locator("#action-0-owner").FillAsync("Head of IT");
        await page.Locator("#action-0-due").FillAsync("2026-12-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#review-held", "error-heldOn", "not in the future", "management review");
        Assert.Equal(NextMonth, await page.Locator("#review-held").InputValueAsync());
        if (topId is not null)
        {
            Assert.True(await page.Locator($"#{topId}").IsCheckedAsync());
        }

        Assert.Equal("ISMS Manager, AI Governance Lead", await page.Locator("#review-attendees").InputValueAsync());
        Assert.Equal("Fund full-disk encryption for the remaining laptops.", await page.Locator("#review-decisions").InputValueAsync());
        Assert.Equal("Order encryption licences", await page.Locator("#action-0-description").InputValueAsync());
        Assert.Equal("Head of IT", await page.Locator("#action-0-owner").InputValueAsync());
        Assert.Equal("2026-12-01", await page.Locator("#action-0-due").InputValueAsync());
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(390, 844)]
    public async Task Ai_concerns_members_and_held_documents_keep_what_was_typed(int width, int height)
    {
        await using var site = await AcmeBrowserSite.StartAsync();
        var page = await site.SignInAsync(width, height);

        // An AI concern: reported on a day still to come.
        await page.GotoAsync(site.Org + "/ai-systems");
        await page.Locator("#concern-kind").SelectOptionAsync("concern");
        await page.Locator("#concern-severity").SelectOptionAsync("high");
        await page.Locator("#concern-description").FillAsync("The chatbot may quote other customers' invoices.");
        await page.Locator("#concern-reported-by").FillAsync("Customer support");
        await page.Locator("#concern-reported-on").FillAsync(NextMonth);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record it" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#concern-reported-on", "error-reportedOn", "not in the future", "AI concern");
        Assert.Equal("concern", await page.Locator("#concern-kind").InputValueAsync());
        Assert.Equal("high", await page.Locator("#concern-severity").InputValueAsync());
        Assert.Equal("The chatbot may quote other customers' invoices.", await page.Locator("#concern-description").InputValueAsync());
        Assert.Equal("Customer support", await page.Locator("#concern-reported-by").InputValueAsync());
        Assert.Equal(NextMonth, await page.Locator("#concern-reported-on").InputValueAsync());

        // Inviting a member: an address that is none. The browser's own check is turned off, as an older browser or
        // a pasted value with spaces would pass it; the server must still keep what was typed.
        await page.GotoAsync(site.Org + "/settings");
        await page.Locator("#members").EvaluateAsync("f => f.noValidate = true");
        await page.Locator("#member-email").FillAsync("new colleague at acme");
        await page.Locator("#member-role").SelectOptionAsync("Contributor");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite or change role" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#member-email", "error-email", "Give one e-mail address", "member invitation");
        Assert.Equal("new colleague at acme", await page.Locator("#member-email").InputValueAsync());
        Assert.Equal("Contributor", await page.Locator("#member-role").InputValueAsync());
        Assert.DoesNotContain("colleague", page.Url, StringComparison.Ordinal);

        // A document held elsewhere: everything but where an auditor finds it.
        await page.GotoAsync(site.Org + "/certification");
        var held = page.Locator("main a[href$='/documents'][href*='/certification/certificates/']").First;
        if (await held.CountAsync() == 0)
        {
            await page.Locator("#cert-number").FillAsync("ISMS-KEEP-1");
            await page.Locator("#cert-body").FillAsync("Nordlicht Zertifizierung GmbH");
            await page.Locator("#cert-scope").FillAsync("Credit-risk analytics for banks");
            await page.Locator("#cert-issued").FillAsync("2026-01-10");
            await page.Locator("#cert-expires").FillAsync("2029-01-09");
            await page.GetByRole(AriaRole.Button, new() { Name = "Record the certificate" }).ClickAsync();
            await held.WaitForAsync();
        }

        await page.GotoAsync(site.BaseUrl + await held.GetAttributeAsync("href"));
        var location = (await page.Locator("#held-location-0").GetAttributeAsync("name"))!;
        await page.Locator("#held-title-0").FillAsync("Scope of the ISMS");
        await page.Locator("#held-reference-0").FillAsync("ISMS-DOC-01");
        await page.Locator("#held-dated-0").FillAsync("2026-02-01");
        await page.Locator("#held-location-0").FillAsync(string.Empty);
        await page.Locator("#held-title-1").FillAsync("Information security policy");
        await page.Locator("#held-location-1").FillAsync("Intranet, policies");
        await page.Locator("#held-dated-1").FillAsync("2026-02-02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the document list" }).ClickAsync();
        await FormRefusal.AssertAsync(page, width, "#held-location-0", "error-" + location, "where an auditor finds it", "held documents");
        Assert.Equal("Scope of the ISMS", await page.Locator("#held-title-0").InputValueAsync());
        Assert.Equal("ISMS-DOC-01", await page.Locator("#held-reference-0").InputValueAsync());
        Assert.Equal("2026-02-01", await page.Locator("#held-dated-0").InputValueAsync());
        Assert.Equal("Information security policy", await page.Locator("#held-title-1").InputValueAsync());
        Assert.Equal("Intranet, policies", await page.Locator("#held-location-1").InputValueAsync());
        Assert.Equal("2026-02-02", await page.Locator("#held-dated-1").InputValueAsync());
    }
}
