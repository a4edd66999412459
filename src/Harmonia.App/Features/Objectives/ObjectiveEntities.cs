using Harmonia.App.Persistence;
using Harmonia.Domain.Objectives;

namespace Harmonia.App.Features.Objectives;

/// <summary>An information security or AI objective (6.2) with the measure that tells whether it is achieved (9.1).</summary>
public sealed class ObjectiveRecord : ISequentialKey
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>O-1, O-2, ... within the organization, numbered when saved; never reused, also after retirement.</summary>
    public required string Key { get; set; }

    public string KeyPrefix => "O-";

    public required string Title { get; set; }

    public ObjectiveSystem System { get; set; }

    /// <summary>What is measured and how, e.g. "share of staff who passed the annual awareness training, from the LMS".</summary>
    public required string Measure { get; set; }

    public string? Unit { get; set; }

    public double Target { get; set; }

    public TargetDirection Direction { get; set; }

    public required string Owner { get; set; }

    public MeasurementFrequency Frequency { get; set; }

    public DateOnly? DueOn { get; set; }

    /// <summary>Set when the objective is no longer pursued; it and its measurements stay on record.</summary>
    public DateOnly? RetiredOn { get; set; }

    public int Version { get; set; } = 1;

    public void AssignKey(string key) => Key = key;
}

/// <summary>One measured value of an objective; never changed once recorded.</summary>
public sealed class ObjectiveMeasurementRecord : IOrganizationScoped
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    public Guid ObjectiveId { get; set; }

    public DateOnly MeasuredOn { get; set; }

    public double Value { get; set; }

    public string? Note { get; set; }

    public required string RecordedBy { get; set; }

    public DateTime RecordedUtc { get; set; }
}
