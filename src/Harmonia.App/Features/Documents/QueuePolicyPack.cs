using System.Text.Json;
using Harmonia.App.Common;
using Harmonia.App.Features.Accounts;
using Harmonia.App.Features.Jobs;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Documents;

/// <summary>
/// Prepares the whole pack in the background: rendering every document to DOCX and PDF takes many seconds, longer
/// than a page should keep a person waiting without word. The finished zip is downloaded from the job's page.
/// </summary>
public sealed class QueuePolicyPackHandler(QueueBackgroundJobHandler queue, BuildPolicyPackZipHandler pack)
{
    public async Task<Guid> HandleAsync(string? formats, CancellationToken cancellationToken = default)
    {
        var chosen = BuildPolicyPackZipHandler.Formats(formats);
        var names = string.Join(", ", chosen.Select(f => f.ToString().ToUpperInvariant()));
        var input = JsonSerializer.Serialize(new PolicyPackWork.Input(string.Join(',', chosen.Select(f => f.ToString().ToLowerInvariant()))));
        return await queue.HandleAsync(PolicyPackWork.KindName, $"Prepare the policy pack ({names})", input, pack.DocumentCount, cancellationToken);
    }
}

/// <summary>Runs a queued pack: the same zip "Download the pack" hands out, counted document by document.</summary>
public sealed class PolicyPackWork(BuildPolicyPackZipHandler pack, TenantScope tenant) : IBackgroundJobWork
{
    public const string KindName = "policy-pack";

    public sealed record Input(string Formats);

    public string Kind => KindName;

    public Permission Needs => Permission.Read;

    public async Task<BackgroundJobResult> RunAsync(string input, BackgroundJobProgress progress, CancellationToken cancellationToken)
    {
        var formats = JsonSerializer.Deserialize<Input>(input)?.Formats ?? throw new InvalidInputException("The job's request is unreadable; ask again.");
        var zip = await pack.HandleAsync(tenant.OrganizationId!.Value, formats, (done, total) => progress.ReportAsync(done, total, cancellationToken), cancellationToken);
        return new BackgroundJobResult($"The policy pack is ready: {pack.DocumentCount} documents as {formats.ToUpperInvariant().Replace(",", ", ", StringComparison.Ordinal)}.", new GeneratedFile("policy-pack.zip", "application/zip", zip));
    }
}
