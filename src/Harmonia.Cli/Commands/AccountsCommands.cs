using System.CommandLine;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

/// <summary>Operator commands for accounts, memberships and tokens (the browser offers the same to signed-in people).</summary>
internal static class AccountsCommands
{
    public static Command CreateAdmin(CliContext context)
    {
        var email = new Option<string>("--email") { Description = "The account's e-mail address (also its user name).", Required = true };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from standard input instead of HARMONIA_PASSWORD." };
        var create = new Command("create", "Create a local account. The password comes from HARMONIA_PASSWORD or --password-stdin; there is no default.") { email, passwordStdin };
        create.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            var password = parsed.GetValue(passwordStdin) ? (await Console.In.ReadLineAsync())?.TrimEnd('\r', '\n') : Environment.GetEnvironmentVariable("HARMONIA_PASSWORD");
            if (string.IsNullOrEmpty(password))
            {
                throw new InvalidInputException("No password given: set HARMONIA_PASSWORD or pipe it into --password-stdin.");
            }

            var user = await services.GetRequiredService<CreateUserHandler>().HandleAsync(new CreateUserRequest(parsed.GetValue(email)!, password));
            await context.Out.WriteLineAsync($"Created account {user.Email} ({user.Id}).");
            return 0;
        }));
        return new Command("admin", "Accounts.") { create, SetDisabled(context, disabled: true), SetDisabled(context, disabled: false) };
    }

    /// <summary>The instance administrator's switch (ADR 0015): any account, whatever organizations it belongs to.</summary>
    private static Command SetDisabled(CliContext context, bool disabled)
    {
        var email = new Option<string>("--email") { Description = "The account's e-mail address.", Required = true };
        var command = new Command(
            disabled ? "disable" : "enable",
            disabled
                ? "Disable an account: it cannot sign in; its sessions and tokens stop at once and never come back."
                : "Enable a disabled account again; the person signs in anew and creates new tokens.") { email };
        command.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            var normalized = parsed.GetValue(email)!.Trim().ToUpperInvariant();
            var user = await services.GetRequiredService<HarmoniaDbContext>().Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized)
                ?? throw new InvalidInputException($"No account uses the e-mail address '{parsed.GetValue(email)}'.");
            await services.GetRequiredService<SetAccountDisabledHandler>().HandleAsync(new SetAccountDisabledRequest(user.Id, disabled));
            await context.Out.WriteLineAsync(disabled ? $"Disabled {user.Email}: signed out everywhere, tokens revoked." : $"Enabled {user.Email}; old sessions and tokens stay dead.");
            return 0;
        }));
        return command;
    }

    public static Command AddMember(CliContext context)
    {
        var org = OrganizationOption.Create("Organization id.");
        var email = new Option<string>("--email") { Description = "E-mail of an existing account.", Required = true };
        var role = new Option<OrganizationRole>("--role") { Description = "Owner, Manager, Contributor, Auditor or Viewer.", Required = true };
        var command = new Command("add-member", "Give an existing account a role in an organization at once, or change it: the administrator's direct path (the web invites instead).") { org, email, role };
        command.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            var organizationId = OrganizationOption.Parse(parsed.GetValue(org)!);
            await RequireOrganizationAsync(services, organizationId);
            var membership = await services.GetRequiredService<AddMemberHandler>().HandleAsync(new AddMemberRequest(organizationId, parsed.GetValue(email)!, parsed.GetValue(role)));
            await context.Out.WriteLineAsync($"{parsed.GetValue(email)} is now {membership.Role} of {organizationId}.");
            return 0;
        }));
        return command;
    }

    public static Command Tokens(CliContext context)
    {
        var org = OrganizationOption.Create("Organization id the token is for.");
        var email = new Option<string>("--email") { Description = "The member the token acts as.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for, e.g. 'CI export'.", Required = true };
        var days = new Option<int>("--days") { Description = "Validity in days (1-366).", DefaultValueFactory = _ => 90 };
        var create = new Command("create", "Create a personal access token for the API; it is printed once.") { org, email, name, days };
        create.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            var organizationId = OrganizationOption.Parse(parsed.GetValue(org)!);
            await RequireOrganizationAsync(services, organizationId);
            var normalized = parsed.GetValue(email)!.Trim().ToUpperInvariant();
            var user = await services.GetRequiredService<HarmoniaDbContext>().Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized)
                ?? throw new InvalidInputException($"No account uses the e-mail address '{parsed.GetValue(email)}'.");
            var token = await services.GetRequiredService<CreateAccessTokenHandler>().HandleAsync(new CreateAccessTokenRequest(organizationId, user.Id, parsed.GetValue(name)!, parsed.GetValue(days)));
            await context.Out.WriteLineAsync(token.Token);
            await context.Error.WriteLineAsync($"Token {token.Id} valid until {token.ExpiresUtc:yyyy-MM-dd} UTC. It is shown only now.");
            return 0;
        }));
        return new Command("token", "Personal access tokens for the API.") { create };
    }

    private static async Task RequireOrganizationAsync(IServiceProvider services, Guid organizationId)
    {
        if (!await services.GetRequiredService<HarmoniaDbContext>().Organizations.AnyAsync(o => o.Id == organizationId))
        {
            throw new InvalidInputException($"No organization {organizationId}.");
        }
    }
}
