using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Harmonia.App.Common;

/// <summary>
/// The spans and measurements of the work no request carries: scheduled jobs, background jobs, e-mail and webhook
/// deliveries. Built on the BCL's ActivitySource and Meter, so nothing is recorded unless the web host registers the
/// name with OpenTelemetry (it does when Telemetry:OtlpEndpoint is set) and the App stays free of exporters.
/// </summary>
public static class HarmoniaTelemetry
{
    public const string Name = "Harmonia";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> ScheduledRuns = Meter.CreateCounter<long>("harmonia.scheduled_job.runs", description: "Scheduled job runs by job and outcome.");

    private static readonly Counter<long> BackgroundJobs = Meter.CreateCounter<long>("harmonia.background_job.finished", description: "Background jobs finished, by kind and outcome.");

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("harmonia.job.duration", unit: "s", description: "How long scheduled and background jobs ran.");

    private static readonly Counter<long> Mails = Meter.CreateCounter<long>("harmonia.mail.messages", description: "E-mails handed to the SMTP server, by outcome.");

    private static readonly Counter<long> WebhookAttempts = Meter.CreateCounter<long>("harmonia.webhook.attempts", description: "Webhook delivery attempts, by event type and outcome.");

    public static Activity? StartScheduledJob(string job) => Source.StartActivity($"scheduled job {job}")?.SetTag("harmonia.job.name", job);

    public static void ScheduledJobFinished(Activity? activity, string job, string outcome, TimeSpan took)
    {
        Finish(activity, outcome, outcome == "succeeded");
        ScheduledRuns.Add(1, new("harmonia.job.name", job), new("harmonia.outcome", outcome));
        JobDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("harmonia.job.name", job));
    }

    public static Activity? StartBackgroundJob(string kind, Guid organizationId) =>
        Source.StartActivity($"background job {kind}")?.SetTag("harmonia.job.kind", kind).SetTag("harmonia.organization.id", organizationId.ToString("D"));

    public static void BackgroundJobFinished(Activity? activity, string kind, string outcome, TimeSpan took)
    {
        Finish(activity, outcome, outcome == "done");
        BackgroundJobs.Add(1, new("harmonia.job.kind", kind), new("harmonia.outcome", outcome));
        JobDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("harmonia.job.name", kind));
    }

    public static Activity? StartMail(string? server) => Source.StartActivity("mail send", ActivityKind.Client)?.SetTag("server.address", server);

    public static void MailFinished(Activity? activity, string outcome)
    {
        Finish(activity, outcome, outcome == "sent");
        Mails.Add(1, new KeyValuePair<string, object?>("harmonia.outcome", outcome));
    }

    public static Activity? StartWebhookAttempt(string eventType, Guid organizationId) =>
        Source.StartActivity("webhook deliver", ActivityKind.Client)?.SetTag("harmonia.webhook.event", eventType).SetTag("harmonia.organization.id", organizationId.ToString("D"));

    public static void WebhookAttemptFinished(Activity? activity, string eventType, string outcome, int? statusCode)
    {
        activity?.SetTag("http.response.status_code", statusCode);
        Finish(activity, outcome, outcome == "delivered");
        WebhookAttempts.Add(1, new("harmonia.webhook.event", eventType), new("harmonia.outcome", outcome));
    }

    private static void Finish(Activity? activity, string outcome, bool ok)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("harmonia.outcome", outcome);
        activity.SetStatus(ok ? ActivityStatusCode.Ok : ActivityStatusCode.Error, ok ? null : outcome);
        activity.Dispose();
    }
}
