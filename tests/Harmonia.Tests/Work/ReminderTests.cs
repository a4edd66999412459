using System.Net;
using System.Text;
using System.Text.Json;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Work;
using Harmonia.App.Persistence;
using Harmonia.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Harmonia.Tests.Work;

/// <summary>
/// Issue 14 items 4, 5 and 9: reminders by e-mail through a real SMTP server on 127.0.0.1, on a clock the test walks
/// through a quarter day by day, running the same sweep and delivery the scheduler runs. Exactly the expected
/// messages arrive, each once; refusals are retried and then shown to the Owner; the inbox and settings are per person.
/// </summary>
public sealed class ReminderTests
{
    private static readonly string[] ExpectedQuarter =
    [
        "Due soon: due in 7 days",
        "New for you: due 2027-01-20",
        "New for you: due 2027-04-20",
        "Overdue: overdue by 1 day",
        "Overdue: overdue by 7 days",
        "digest 2027-01-11",
        "digest 2027-01-18",
        "digest 2027-01-25",
    ];

    private const string Title = "Quarterly review of supplier access ZX9";

    private static Uri Url(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task<ApiHost> StartAsync(DatabaseProvider provider, SmtpSink smtp, SetClock clock) =>
        await ApiHost.StartAsync(provider, smtp.Settings, services: s => s.AddSingleton<TimeProvider>(clock));

    private static async Task RunJobsAsync(ApiHost host)
    {
        var jobs = host.Services.GetRequiredService<ReminderJobs>();
        await jobs.SweepAllAsync(CancellationToken.None);
        await jobs.DeliverAllAsync(CancellationToken.None);
    }

    /// <summary>A yearly review from 2027-01-08, owned by the contributor's account.</summary>
    private static async Task AddYearlyReviewForContributorAsync(HttpClient owner, Guid organization) =>
        await ReadAsync(await owner.PostAsync(Url($"/api/orgs/{organization}/recurring-activities"),
            Json($$"""{"title":"{{Title}}","kind":"review","rule":"FREQ=YEARLY","startsOn":"2027-01-08","ownerAccount":"contributor@a.example"}""")), HttpStatusCode.Created);

    private static string Body(MimeMessage m) => m.TextBody ?? string.Empty;

    private static string Subject(MimeMessage m) => m.Subject ?? string.Empty;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_quarter_day_by_day_sends_exactly_the_expected_reminders_once_each(DatabaseProvider provider)
    {
        await using var smtp = SmtpSink.Start();
        var clock = new SetClock(new DateTimeOffset(2027, 1, 4, 7, 0, 0, TimeSpan.Zero));
        await using var host = await StartAsync(provider, smtp, clock);
        var owner = host.Client(host.TokensA[OrganizationRole.Owner]);

        // The organization's first sweep only records what is already assigned; the activity comes after it.
        await RunJobsAsync(host);
        var before = smtp.Messages.Count;
        await ReadAsync(await owner.PostAsync(Url($"/api/orgs/{host.OrganizationA}/recurring-activities"),
            Json($$"""{"title":"{{Title}}","kind":"review","rule":"FREQ=MONTHLY;INTERVAL=3","startsOn":"2027-01-20","owner":"Contributor","ownerAccount":"contributor@a.example"}""")), HttpStatusCode.Created);
        var activity = (await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{host.OrganizationA}/recurring-activities")))).EnumerateArray().Single(a => a.GetProperty("title").GetString() == Title).GetProperty("id").GetGuid();

        for (var day = 0; day < 90; day++)
        {
            clock.Now = new DateTimeOffset(2027, 1, 4, 7, 0, 0, TimeSpan.Zero).AddDays(day);
            if (DateOnly.FromDateTime(clock.Now.UtcDateTime) == new DateOnly(2027, 2, 1))
            {
                // Recorded done on a Monday before the sweep: no later overdue reminder, and no digest of it that week.
                await ReadAsync(await owner.PostAsync(Url($"/api/orgs/{host.OrganizationA}/recurring-activities/{activity}/occurrences/2027-01-20/done"), Json("""{"note":"minutes in the ISMS folder"}""")));
            }

            await RunJobsAsync(host);

            // A second pass on the same day (another node, a restart) adds nothing.
            await RunJobsAsync(host);
        }

        var ours = smtp.Messages.Skip(before).Where(m => Subject(m).Contains(Title, StringComparison.Ordinal) || Body(m).Contains(Title, StringComparison.Ordinal)).ToArray();
        Assert.All(ours, m => Assert.Equal("contributor@a.example", ((MailboxAddress)m.To.Single()).Address));
        var subjects = ours.Select(m => Subject(m).Contains(Title, StringComparison.Ordinal) ? Label(m) : "digest " + m.Date.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(ExpectedQuarter, subjects);

        // Every message names the record's page on the public address, in text and in HTML, and its Message-ID is the notification's.
        Assert.All(ours, m =>
        {
            Assert.Contains("https://harmonia.a.example/orgs/", Body(m), StringComparison.Ordinal);
            Assert.Contains("<a href=\"https://harmonia.a.example/orgs/", m.HtmlBody, StringComparison.Ordinal);
            Assert.EndsWith("@harmonia", m.MessageId, StringComparison.Ordinal);
        });
        Assert.Equal(ours.Length, ours.Select(m => m.MessageId).Distinct().Count());

        // The same reminders are in the person's inbox, and nobody else's.
        var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var inbox = await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{host.OrganizationA}/notifications?pageSize=100")));
        Assert.Equal(8, inbox.GetProperty("items").EnumerateArray().Count(n => n.GetProperty("subject").GetString()!.Contains(Title, StringComparison.Ordinal) || n.GetProperty("text").GetString()!.Contains(Title, StringComparison.Ordinal)));
        var viewerInbox = await ReadAsync(await host.Client(host.TokensA[OrganizationRole.Viewer]).GetAsync(Url($"/api/orgs/{host.OrganizationA}/notifications?pageSize=100")));
        Assert.DoesNotContain(viewerInbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("text").GetString()!.Contains(Title, StringComparison.Ordinal));
    }

    /// <summary>"Overdue: overdue by 7 days" from "Overdue: review RA-1 'Title' overdue by 7 days: closed when recorded done".</summary>
    private static string Label(MimeMessage m)
    {
        var subject = Subject(m);
        var after = subject[(subject.IndexOf($"'{Title}'", StringComparison.Ordinal) + Title.Length + 2)..].TrimStart(',', ' ').Split(':')[0];
        return $"{subject[..subject.IndexOf(':', StringComparison.Ordinal)]}: {after}";
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_refused_message_is_retried_with_pauses_then_shown_to_the_Owner_as_failed(DatabaseProvider provider)
    {
        await using var smtp = SmtpSink.Start();
        var start = new DateTimeOffset(2027, 1, 5, 7, 0, 0, TimeSpan.Zero);
        var clock = new SetClock(start);
        await using var host = await StartAsync(provider, smtp, clock);
        var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        await RunJobsAsync(host);
        await AddYearlyReviewForContributorAsync(owner, host.OrganizationA);

        smtp.Refuse = true;
        await RunJobsAsync(host);
        var problems = await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{host.OrganizationA}/mail-problems")));
        var problem = problems.EnumerateArray().Single(p => p.GetProperty("subject").GetString()!.Contains(Title, StringComparison.Ordinal));
        Assert.Equal("waiting to be retried", problem.GetProperty("state").GetString());
        Assert.Equal(1, problem.GetProperty("attempts").GetInt32());

        // Not before its pause: a pass a few seconds later leaves it alone.
        clock.Now = start.AddSeconds(30);
        await host.Services.GetRequiredService<ReminderJobs>().DeliverAllAsync(CancellationToken.None);
        Assert.Equal(1, await AttemptsAsync(host, problem.GetProperty("id").GetGuid()));

        // Each pause passes; after the last retry the message counts as failed and is not tried again.
        foreach (var pause in DeliverReminderMailHandler.Backoff)
        {
            clock.Now = clock.Now.Add(pause).AddSeconds(1);
            await host.Services.GetRequiredService<ReminderJobs>().DeliverAllAsync(CancellationToken.None);
        }

        Assert.Equal(DeliverReminderMailHandler.Backoff.Count + 1, await AttemptsAsync(host, problem.GetProperty("id").GetGuid()));
        problems = await ReadAsync(await owner.GetAsync(Url($"/api/orgs/{host.OrganizationA}/mail-problems")));
        Assert.Equal("failed after every retry", problems.EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == problem.GetProperty("id").GetGuid()).GetProperty("state").GetString());
        smtp.Refuse = false;
        clock.Now = clock.Now.AddDays(1);
        await host.Services.GetRequiredService<ReminderJobs>().DeliverAllAsync(CancellationToken.None);
        Assert.DoesNotContain(smtp.Messages, m => Subject(m).Contains(Title, StringComparison.Ordinal) && Subject(m).StartsWith("Due soon", StringComparison.Ordinal));

        // Only the Owner sees mail problems and the schedule; another organization's Owner gets 404.
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Client(host.TokensA[OrganizationRole.Manager]).GetAsync(Url($"/api/orgs/{host.OrganizationA}/mail-problems"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client(host.TokenB).GetAsync(Url($"/api/orgs/{host.OrganizationA}/mail-problems"))).StatusCode);
    }

    private static async Task<int> AttemptsAsync(ApiHost host, Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(host.OrganizationA);
        return await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().Notifications.Where(n => n.Id == id).Select(n => n.MailAttempts).SingleAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Settings_are_per_person_digest_only_holds_single_mails_and_the_inbox_marks_read(DatabaseProvider provider)
    {
        await using var smtp = SmtpSink.Start();
        var clock = new SetClock(new DateTimeOffset(2027, 1, 5, 7, 0, 0, TimeSpan.Zero));
        await using var host = await StartAsync(provider, smtp, clock);
        var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var org = host.OrganizationA;

        var defaults = await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{org}/reminder-preferences")));
        Assert.True(defaults.GetProperty("emailConfigured").GetBoolean());
        Assert.Equal(7, defaults.GetProperty("dueSoonDays").GetInt32());

        var refused = await contributor.PutAsync(Url($"/api/orgs/{org}/reminder-preferences"), Json("""{"dueSoon":true,"dueSoonDays":400}"""));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("dueSoonDays", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(7, (await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{org}/reminder-preferences")))).GetProperty("dueSoonDays").GetInt32());

        await ReadAsync(await contributor.PutAsync(Url($"/api/orgs/{org}/reminder-preferences"), Json("""{"assigned":true,"dueSoon":true,"dueSoonDays":7,"overdue":true,"weeklyDigest":true,"digestOnly":true}""")));
        await RunJobsAsync(host);
        await AddYearlyReviewForContributorAsync(owner, org);
        await RunJobsAsync(host);

        // Digest only: the due-soon reminder is in the inbox, not in the mail.
        Assert.DoesNotContain(smtp.Messages, m => Subject(m).Contains(Title, StringComparison.Ordinal));
        var inbox = await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{org}/notifications?unread=true")));
        var entry = inbox.GetProperty("items").EnumerateArray().Single(n => n.GetProperty("subject").GetString()!.Contains(Title, StringComparison.Ordinal));
        Assert.Equal("in the app only", entry.GetProperty("email").GetString());
        var unread = inbox.GetProperty("unread").GetInt32();

        // Nobody marks another person's notification; the owner of it can.
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostAsync(Url($"/api/orgs/{org}/notifications/{entry.GetProperty("id").GetGuid()}/read"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Client(host.TokenB).PostAsync(Url($"/api/orgs/{org}/notifications/{entry.GetProperty("id").GetGuid()}/read"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await contributor.PostAsync(Url($"/api/orgs/{org}/notifications/{entry.GetProperty("id").GetGuid()}/read"), null)).StatusCode);
        Assert.Equal(unread - 1, (await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{org}/notifications?unread=true")))).GetProperty("unread").GetInt32());

        // The settings change is in the audit trail.
        var trail = await (await owner.GetAsync(Url($"/api/orgs/{org}/audit-trail?pageSize=200"))).Content.ReadAsStringAsync();
        Assert.Contains("ReminderPreferences", trail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Without_an_SMTP_server_reminders_stay_in_the_app_and_the_page_says_so(DatabaseProvider provider)
    {
        var clock = new SetClock(new DateTimeOffset(2027, 1, 5, 7, 0, 0, TimeSpan.Zero));
        await using var host = await ApiHost.StartAsync(provider, services: s => s.AddSingleton<TimeProvider>(clock));
        var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        Assert.False((await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{host.OrganizationA}/reminder-preferences")))).GetProperty("emailConfigured").GetBoolean());
        await RunJobsAsync(host);
        await AddYearlyReviewForContributorAsync(host.Client(host.TokensA[OrganizationRole.Owner]), host.OrganizationA);
        await RunJobsAsync(host);
        var inbox = await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{host.OrganizationA}/notifications")));
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("subject").GetString()!.StartsWith("Due soon", StringComparison.Ordinal) && n.GetProperty("email").GetString() == "in the app only");

        var page = await (await host.SignedInAsync("contributor@a.example")).GetStringAsync(Url($"/orgs/{host.OrganizationA}/reminders"));
        Assert.Contains("no e-mail (SMTP) settings", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 17 item 7: the hourly sweep visits every organization, and kept, its due work stayed in memory for all of
    /// them (at ten times today's data 49,500 items of organizations nobody was looking at). Only a person's
    /// look keeps an organization's due work; the sweep uses what is kept and keeps nothing new.
    /// </summary>
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_sweep_of_every_organization_keeps_nobody_s_due_work_in_memory_a_look_at_the_work_list_does(DatabaseProvider provider)
    {
        await using var smtp = SmtpSink.Start();
        var clock = new SetClock(new DateTimeOffset(2027, 1, 5, 7, 0, 0, TimeSpan.Zero));
        await using var host = await StartAsync(provider, smtp, clock);
        await host.WaitForWarmUpAsync();

        // The warm-up keeps the results of the organization changed last before it ran; the others are not kept yet.
        var cache = host.Services.GetRequiredService<Harmonia.App.Common.OrganizationResultCache>();
        Guid[] organizations = [host.OrganizationA, host.OrganizationB];
        var unkept = organizations.Where(o => !cache.Holds(o, ListDueWorkHandler.CacheKind)).ToArray();
        Assert.NotEmpty(unkept);
        await AddYearlyReviewForContributorAsync(host.Client(host.TokensA[OrganizationRole.Owner]), host.OrganizationA);

        await RunJobsAsync(host);
        Assert.All(unkept, o => Assert.False(cache.Holds(o, ListDueWorkHandler.CacheKind), $"the sweep kept the due work of organization {o}"));
        var contributor = host.Client(host.TokensA[OrganizationRole.Contributor]);
        var inbox = await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{host.OrganizationA}/notifications")));
        Assert.Contains(inbox.GetProperty("items").EnumerateArray(), n => n.GetProperty("subject").GetString()!.Contains(Title, StringComparison.Ordinal));

        // A look at the work list keeps that organization's items, and only that one's.
        var work = await ReadAsync(await contributor.GetAsync(Url($"/api/orgs/{host.OrganizationA}/work?assignee=me")));
        Assert.Contains(work.GetProperty("items").EnumerateArray(), i => i.GetProperty("what").GetString()!.Contains(Title, StringComparison.Ordinal));
        Assert.True(cache.Holds(host.OrganizationA, ListDueWorkHandler.CacheKind));
        if (unkept.Contains(host.OrganizationB))
        {
            Assert.False(cache.Holds(host.OrganizationB, ListDueWorkHandler.CacheKind));
        }
    }
}

/// <summary>A clock the test sets to any moment.</summary>
internal sealed class SetClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
