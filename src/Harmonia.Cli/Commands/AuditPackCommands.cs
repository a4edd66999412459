using System.CommandLine;
using Harmonia.App.Features.Readiness;

namespace Harmonia.Cli;

/// <summary>`harmonia pack verify`: checks an audit pack offline, without a database.</summary>
internal static class AuditPackCommands
{
    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "The audit pack (zip)." };
        var fingerprint = new Option<string?>("--fingerprint") { Description = "The key fingerprint the organization gave you; the pack must be signed with it." };
        var verify = new Command("verify", "Check an audit pack's signature and every file's SHA-256; names any file that changed.") { file, fingerprint };
        verify.SetAction((parsed, _) =>
        {
            var path = parsed.GetValue(file)!;
            if (!File.Exists(path))
            {
                return Task.FromResult(context.Fail($"'{path}' does not exist."));
            }

            using var stream = File.OpenRead(path);
            var result = VerifyAuditPack.Verify(stream, parsed.GetValue(fingerprint));
            if (!result.Valid)
            {
                foreach (var problem in result.Problems)
                {
                    context.Error.WriteLine(problem);
                }

                return Task.FromResult(context.Fail($"the audit pack does not verify ({result.Problems.Count} problems)."));
            }

            context.Out.WriteLine($"Audit pack of {result.Organization} verified: {result.Files} files, signed with key {result.KeyFingerprint}.");
            return Task.FromResult(0);
        });
        return new Command("pack", "Audit packs for the certification body.") { verify };
    }
}
