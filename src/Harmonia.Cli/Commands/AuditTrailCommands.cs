using System.CommandLine;
using Harmonia.App.Features.AuditTrail;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

internal static class AuditTrailCommands
{
    public static Command Create(CliContext context)
    {
        var org = OrganizationOption.Create("Organization id (see 'harmonia org list').");
        var verify = new Command("verify", "Check an organization's audit trail hash chain and name the first broken link.") { org };
        verify.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            var result = await services.GetRequiredService<VerifyAuditTrailHandler>().HandleAsync(new VerifyAuditTrailRequest(OrganizationOption.Parse(parsed.GetValue(org)!)));
            if (result.Intact)
            {
                await context.Out.WriteLineAsync($"Audit trail intact: {result.Events} events, every hash and link verified.");
                return 0;
            }

            return context.Fail($"audit trail broken after {result.Events} good events: {result.FirstBroken}");
        }));

        return new Command("audit-trail", "The tamper-evident record of every change.") { verify };
    }
}
