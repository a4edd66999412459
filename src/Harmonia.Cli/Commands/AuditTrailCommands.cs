using System.CommandLine;
using Harmonia.App.Features.AuditTrail;
using Microsoft.Extensions.DependencyInjection;

namespace Harmonia.Cli;

internal static class AuditTrailCommands
{
    public static Command Create(CliContext context)
    {
        var org = OrganizationOption.Create("Organization id (see 'harmonia org list').");
        var anchor = new Option<string?>("--anchor") { Description = "A head kept from an earlier check or an audit pack (sequence:hash); the trail must still reach it." };
        var verify = new Command("verify", "Check an organization's audit trail hash chain, name the first broken link and report removed newest events.") { org, anchor };
        verify.SetAction((parsed, _) => context.GuardDatabaseAsync(async services =>
        {
            AuditTrailAnchor? kept = null;
            if (parsed.GetValue(anchor) is { } text && (kept = AuditTrailAnchor.Parse(text)) is null)
            {
                return context.Fail($"'{text}' is not an audit trail head; write it as sequence:hash, as the audit pack prints it.");
            }

            var result = await services.GetRequiredService<VerifyAuditTrailHandler>().HandleAsync(new VerifyAuditTrailRequest(OrganizationOption.Parse(parsed.GetValue(org)!), kept));
            if (result.Intact)
            {
                await context.Out.WriteLineAsync($"Audit trail intact: {result.Events} events, every hash and link verified. Head: {result.Head}");
                return 0;
            }

            return context.Fail($"audit trail broken after {result.Events} good events: {result.FirstBroken}");
        }));

        return new Command("audit-trail", "The tamper-evident record of every change.") { verify };
    }
}
