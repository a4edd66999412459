using System.Net;
using System.Text.RegularExpressions;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Harmonia.Tests.Accounts;
using Harmonia.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Tests.Security.Asvs;

/// <summary>OWASP ASVS 5.0 chapter V6, authentication: the passphrase policy, its fields, and no default account.</summary>
public sealed partial class V6AuthenticationTests
{
    private static Task<HarmoniaUser> CreateAsync(ApiHost host, string email, string passphrase) =>
        host.WithScopeAsync(s => s.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest(email, passphrase)));

    private static async Task<bool> SignsInAsync(ApiHost host, string email, string passphrase)
    {
        using var browser = new Browser(host.RawClient());
        using var response = await browser.SignInAsync(email, passphrase);
        return response.StatusCode == HttpStatusCode.Redirect;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task V6_2_1_a_passphrase_needs_at_least_twelve_characters(DatabaseProvider provider)
    {
        await using var host = await ApiHost.StartAsync(provider);
        var refused = await Assert.ThrowsAsync<InvalidInputException>(() => CreateAsync(host, "short@a.example", "elevenchars"));
        Assert.Contains("12", refused.Message, StringComparison.Ordinal);
        Assert.False(await host.WithScopeAsync(s => s.GetRequiredService<HarmoniaDbContext>().Users.AnyAsync(u => u.Email == "short@a.example")));

        await CreateAsync(host, "twelve@a.example", "twelve chars");
        Assert.True(await SignsInAsync(host, "twelve@a.example", "twelve chars"));
    }

    [Theory]
    [InlineData("only lower case words")]
    [InlineData("ALLUPPERCASEPASSPHRASE")]
    [InlineData("123456789012345678")]
    [InlineData("Ünïcödé ñ 日本語のパスフレーズ")]
    [InlineData("   spaces   around   ")]
    public async Task V6_2_5_a_passphrase_of_any_composition_is_accepted(string passphrase)
    {
        await using var host = await AsvsProbes.StartAsync();
        await CreateAsync(host, "any@a.example", passphrase);
        Assert.True(await SignsInAsync(host, "any@a.example", passphrase));
    }

    [Fact]
    public async Task V6_2_6_every_passphrase_field_is_masked()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var browser = await Browser.SignedInAsync(host, "owner@a.example");
        foreach (var page in new[] { "/account/passphrase" })
        {
            var html = await browser.GetStringAsync(page);
            var fields = PassphraseField().Matches(html);
            Assert.Equal(2, fields.Count);
            Assert.All(fields, f => Assert.Contains("type=\"password\"", f.Value, StringComparison.Ordinal));
        }

        using var stranger = new Browser(host.RawClient());
        var signIn = await stranger.GetStringAsync("/signin");
        Assert.Contains("id=\"password\" type=\"password\"", signIn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V6_2_7_password_managers_and_paste_are_welcome()
    {
        await using var host = await AsvsProbes.StartAsync();
        using var browser = await Browser.SignedInAsync(host, "owner@a.example");
        using var stranger = new Browser(host.RawClient());
        foreach (var html in new[] { await stranger.GetStringAsync("/signin"), await browser.GetStringAsync("/account/passphrase") })
        {
            Assert.DoesNotContain("onpaste", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("autocomplete=\"off\"", html, StringComparison.OrdinalIgnoreCase);
            Assert.All(
                Regex.Matches(html, "<input[^>]*type=\"password\"[^>]*>").Select(m => m.Value),
                field => Assert.Matches("autocomplete=\"(current-password|new-password)\"", field));
        }
    }

    [Fact]
    public async Task V6_2_8_the_passphrase_is_checked_exactly_as_typed()
    {
        await using var host = await AsvsProbes.StartAsync();
        const string passphrase = "Exactly As Typed 2026";
        await CreateAsync(host, "exact@a.example", passphrase);

        // Four tries, one short of the lockout.
        foreach (var variant in new[] { passphrase.ToLowerInvariant(), passphrase.ToUpperInvariant(), passphrase + " ", passphrase[..16] })
        {
            Assert.False(await SignsInAsync(host, "exact@a.example", variant), variant);
        }

        Assert.True(await SignsInAsync(host, "exact@a.example", passphrase));
    }

    [Fact]
    public async Task V6_2_9_a_passphrase_of_two_hundred_characters_works()
    {
        await using var host = await AsvsProbes.StartAsync();
        var passphrase = string.Concat(Enumerable.Repeat("long words are easy to remember ", 7))[..200];
        await CreateAsync(host, "long@a.example", passphrase);
        Assert.True(await SignsInAsync(host, "long@a.example", passphrase));
        Assert.False(await SignsInAsync(host, "long@a.example", passphrase[..199]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task V6_3_2_a_fresh_installation_has_no_account_at_all(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var evidence = Path.Combine(Path.GetTempPath(), "harmonia-evidence-" + Guid.NewGuid().ToString("N"));
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Database:Provider", provider.ToString())
            .UseSetting("ConnectionStrings:Harmonia", database.Settings.ConnectionString)
            .UseSetting("Evidence:Folder", evidence)
            .UseEnvironment("Production"));
        using var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<HarmoniaDbContext>().Users.CountAsync());
        if (Directory.Exists(evidence))
        {
            Directory.Delete(evidence, recursive: true);
        }
    }

    [Fact]
    public async Task V6_4_2_accounts_keep_no_passphrase_hint_or_secret_question()
    {
        await using var host = await AsvsProbes.StartAsync();
        var properties = await host.WithScopeAsync(s => Task.FromResult(
            s.GetRequiredService<HarmoniaDbContext>().Model.FindEntityType(typeof(HarmoniaUser))!.GetProperties().Select(p => p.Name).ToList()));

        Assert.Contains("PasswordHash", properties);
        Assert.DoesNotContain(properties, p => p.Contains("Hint", StringComparison.OrdinalIgnoreCase) || p.Contains("Question", StringComparison.OrdinalIgnoreCase) || p.Contains("Answer", StringComparison.OrdinalIgnoreCase));

        // V6.2.10: nor any passphrase age or expiry that could force a periodic change.
        Assert.DoesNotContain(properties, p => p.Contains("Expir", StringComparison.OrdinalIgnoreCase) || p.Contains("PasswordChanged", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task V6_4_3_a_reset_link_sets_the_passphrase_but_the_second_factor_is_still_asked()
    {
        await using var host = await AsvsProbes.StartAsync();
        using (var viewer = await Browser.SignedInAsync(host, "viewer@a.example"))
        {
            var html = await viewer.GetStringAsync("/account/two-factor");
            var key = Regex.Match(html, "id=\"authenticator-key\">([^<]+)<").Groups[1].Value;
            using var enabled = await viewer.PostPageFormAsync("/account/two-factor", "enable-two-factor", new() { ["Input.Code"] = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp() });
            Assert.Contains("id=\"recovery-codes\"", await enabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var owner = host.Client(host.TokensA[OrganizationRole.Owner]);
        using var issued = await owner.PostAsync(new Uri($"/api/orgs/{host.OrganizationA}/members/{host.UsersA[OrganizationRole.Viewer]}/reset-link", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        var link = new Uri(System.Text.Json.JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("link").GetString()!).AbsolutePath;
        using var stranger = new Browser(host.RawClient());
        using (var reset = await stranger.PostPageFormAsync(link, "reset-passphrase", new() { ["Input.New"] = "a brand new passphrase" }))
        {
            Assert.Contains("Your new passphrase is set", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The link signed no one in, and the new passphrase alone leads to the second step, not into the app.
        Assert.False(stranger.Cookies.ContainsKey(Browser.SessionCookie));
        using var signIn = await stranger.SignInAsync("viewer@a.example", "a brand new passphrase");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/signin/two-factor", signIn.Headers.Location!.AbsolutePath);
        Assert.False(stranger.Cookies.ContainsKey(Browser.SessionCookie));
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/orgs")).StatusCode);
    }

    [Fact]
    public async Task V6_5_4_recovery_codes_carry_far_more_than_20_bits_and_are_single_use()
    {
        await using var host = await AsvsProbes.StartAsync();
        var (codes, firstAgain, second) = await host.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<HarmoniaUser>>();
            var user = (await users.FindByEmailAsync("viewer@a.example"))!;
            var all = new List<string>();
            for (var round = 0; round < 20; round++)
            {
                all.AddRange((await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!);
            }

            var last = all.TakeLast(10).ToList();
            Assert.True((await users.RedeemTwoFactorRecoveryCodeAsync(user, last[0])).Succeeded);
            return (all, (await users.RedeemTwoFactorRecoveryCodeAsync(user, last[0])).Succeeded, (await users.RedeemTwoFactorRecoveryCodeAsync(user, last[1])).Succeeded);
        });

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        var alphabet = codes.SelectMany(c => c.Where(char.IsLetterOrDigit)).Distinct().Count();
        var length = codes.Min(c => c.Count(char.IsLetterOrDigit));
        Assert.True(length * Math.Log2(alphabet) >= 40, $"{length} characters from {alphabet} symbols");
        Assert.False(firstAgain);
        Assert.True(second);
    }

    [GeneratedRegex("<input[^>]*id=\"[^\"]*(password|current|new)[^\"]*\"[^>]*>")]
    private static partial Regex PassphraseField();
}
