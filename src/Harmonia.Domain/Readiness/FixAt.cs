using System.Text.Json.Serialization;

namespace Harmonia.Domain.Readiness;

/// <summary>The kind of page where a blocking item is fixed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FixKind>))]
public enum FixKind
{
    /// <summary>The requirement's gap-analysis page (id = requirement id).</summary>
    Requirement,

    /// <summary>The document library for a documented-information requirement (id = requirement id).</summary>
    Document,

    /// <summary>An organization control, to renew its evidence (id = control id).</summary>
    Control,

    /// <summary>The audit programme (no id).</summary>
    Audit,

    /// <summary>Management reviews (no id).</summary>
    Review,

    /// <summary>One nonconformity (id = its number).</summary>
    Nonconformity,

    /// <summary>The risk register (no id).</summary>
    Risks,

    /// <summary>The Statement of Applicability of a framework (id = framework id).</summary>
    Soa,

    /// <summary>One AI system, for its impact assessment (id = its key).</summary>
    AiSystem,
}

/// <summary>Where a blocking item is fixed, so the web layer can link to it without knowing the rule behind it.</summary>
public sealed record FixAt(FixKind Kind, string? Id)
{
    /// <summary>The lower-case word the API and the pages use ("requirement", "audit", ...).</summary>
    public string Token => Kind switch
    {
        FixKind.Requirement => "requirement",
        FixKind.Document => "document",
        FixKind.Control => "control",
        FixKind.Audit => "audit",
        FixKind.Review => "review",
        FixKind.Risks => "risks",
        FixKind.Soa => "soa",
        FixKind.AiSystem => "ai-system",
        _ => "nonconformity",
    };
}
