using Microsoft.AspNetCore.Http.Timeouts;

namespace Harmonia.Web.Platform;

/// <summary>
/// Every request has a time budget (Limits:RequestSeconds, 120 by default): the request's cancellation token fires
/// when it is spent, so long work (document pack, PDF layout, audit pack, import, export) stops between its steps and
/// the client gets a problem instead of a server that keeps working for nobody.
/// </summary>
internal static class RequestTimeBudget
{
    public static void AddRequestTimeBudget(this WebApplicationBuilder builder)
    {
        var seconds = builder.Configuration.GetValue<double?>("Limits:RequestSeconds") ?? 120;
        builder.Services.AddRequestTimeouts(o => o.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = TimeSpan.FromSeconds(seconds),
            TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
            WriteTimeoutResponse = context => Results.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Time budget spent",
                detail: $"The request took longer than its {seconds:0.###} s budget (Limits:RequestSeconds) and was stopped (a change is saved whole or not at all). Try a smaller export or ask the administrator to raise the budget.")
                .ExecuteAsync(context),
        });
    }
}
