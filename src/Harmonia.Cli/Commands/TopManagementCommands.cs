using System.CommandLine;
using Harmonia.App.Features.Organizations;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

/// <summary>The organization's top management: the named people who hold the management review and approve above-limit risk acceptance.</summary>
internal static class TopManagementCommands
{
    public static Command Create(CliContext context)
    {
        var listOrg = OrganizationOption.Create("Organization id (see 'harmonia org list').");
        var list = new Command("list", "List the people named as top management.") { listOrg };
        list.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            await RegisterExportCommands.EnterAsync(services, parsed.GetValue(listOrg)!);
            var members = await services.GetRequiredService<ListTopManagementHandler>().HandleAsync();
            if (members.Count == 0)
            {
                await context.Out.WriteLineAsync("No top management named yet (harmonia top-management add).");
            }

            foreach (var m in members)
            {
                await context.Out.WriteLineAsync($"{m.Id}  {m.Name}, {m.Position}{(m.MemberEmail is { } e ? $" <{e}>" : string.Empty)}");
            }

            return 0;
        }));

        var addOrg = OrganizationOption.Create("Organization id (see 'harmonia org list').");
        var name = new Option<string>("--name") { Description = "The person's name.", Required = true };
        var position = new Option<string>("--position") { Description = "Their title or position, e.g. 'Chief Executive Officer'.", Required = true };
        var email = new Option<string?>("--member-email") { Description = "Link their member account (an existing member's e-mail), so the app knows when they act." };
        var add = new Command("add", "Name a person as top management.") { addOrg, name, position, email };
        add.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            await RegisterExportCommands.EnterAsync(services, parsed.GetValue(addOrg)!);
            var member = await services.GetRequiredService<SaveTopManagementMemberHandler>().CreateAsync(new(parsed.GetValue(name), parsed.GetValue(position), parsed.GetValue(email)));
            await context.Out.WriteLineAsync($"{member.Name} ({member.Position}) is named as top management: {member.Id}");
            return 0;
        }));

        var removeOrg = OrganizationOption.Create("Organization id (see 'harmonia org list').");
        var id = new Option<Guid>("--id") { Description = "The top-management member's id (see 'harmonia top-management list').", Required = true };
        var remove = new Command("remove", "Remove a person from top management; past reviews and approvals keep their name.") { removeOrg, id };
        remove.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            await RegisterExportCommands.EnterAsync(services, parsed.GetValue(removeOrg)!);
            await services.GetRequiredService<RemoveTopManagementMemberHandler>().HandleAsync(parsed.GetValue(id));
            await context.Out.WriteLineAsync("Removed from top management.");
            return 0;
        }));

        return new Command("top-management", "The people the organization names as its top management.") { list, add, remove };
    }
}
