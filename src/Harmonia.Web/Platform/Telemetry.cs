using Harmonia.App.Common;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Harmonia.Web.Platform;

/// <summary>
/// OpenTelemetry traces, metrics and logs over OTLP, only when <c>Telemetry:OtlpEndpoint</c> is set: a deployment
/// without a collector pays nothing and sends nothing anywhere. Structured JSON logs need no code: the console
/// logger's <c>Logging:Console:FormatterName=json</c> writes one JSON object per line.
/// </summary>
internal static class Telemetry
{
    public const string ServiceName = "harmonia";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = builder.Configuration["Telemetry:OtlpEndpoint"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Telemetry:OtlpEndpoint '{endpoint}' is not an http(s) address of an OTLP collector.");
        }

        var protocol = string.Equals(builder.Configuration["Telemetry:OtlpProtocol"], "grpc", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.Grpc
            : OtlpExportProtocol.HttpProtobuf;
        var version = typeof(Telemetry).Assembly.GetName().Version?.ToString() ?? "0";
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceVersion: version, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !context.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource("Npgsql")
                .AddSource(HarmoniaTelemetry.Name))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql")
                .AddMeter(HarmoniaTelemetry.Name))
            .WithLogging()
            .UseOtlpExporter(protocol, uri);
        return builder;
    }
}
