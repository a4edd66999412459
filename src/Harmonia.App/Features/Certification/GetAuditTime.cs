using Harmonia.App.Content;
using Harmonia.App.Persistence;
using Harmonia.Domain.Certification;
using Microsoft.EntityFrameworkCore;

namespace Harmonia.App.Features.Certification;

/// <summary>The audit-time estimate for the organization: inputs from the data or the overrides, then the pure calculation.</summary>
public sealed class GetAuditTimeHandler(HarmoniaDbContext db, LoadedContent content, AuditTimeFacts facts)
{
    public async Task<AuditTimeView> HandleAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        var record = await db.AuditTimeInputs.AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        var inputs = await facts.InputsAsync(organizationId, record, cancellationToken);
        var overrides = AuditTimeOverrides.From(record);
        if (inputs is null)
        {
            return new AuditTimeView(overrides, null, null, "The number of persons in scope is not known: enter the employees in the organization settings or set the persons in scope here.");
        }

        var tables = content.AuditTime ?? throw new InvalidOperationException("The shipped content has no audit-time tables.");
        return new AuditTimeView(overrides, inputs, AuditTimeCalculator.Estimate(tables, inputs), null);
    }
}
