using System.Text.Json.Serialization;
using Harmonia.App.Persistence;

namespace Harmonia.App.Features.Search;

/// <summary>What a search hit is, in the words a compliance manager uses; each kind has one page to open it on.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SearchKind>))]
public enum SearchKind
{
    Control,
    Evidence,
    Risk,
    AiSystem,
    ImpactAssessment,
    Document,
    RegisteredDocument,
    Supplier,
    Audit,
    Nonconformity,
    Objective,
    ManagementReview,
    Person,

    /// <summary>A requirement of one of the organization's own frameworks (ADR 0036).</summary>
    Requirement,
}

/// <summary>
/// One record as the organization's search finds it: a derived copy of its words, rebuilt from the audit trail
/// (ADR 0030), so it is not itself part of the trail and is never exported. <see cref="Terms"/> holds the words already
/// split the same way the query is, so SQLite FTS5 and PostgreSQL full-text search see identical tokens.
/// </summary>
public sealed class SearchEntryRecord : IOrganizationRow
{
    /// <summary>
    /// A database-counted integer, unlike every other row's Guid: on SQLite it is the rowid the FTS5 table is keyed by,
    /// and an INTEGER PRIMARY KEY keeps it stable where a hidden rowid could change.
    /// </summary>
    public long Id { get; set; }

    public Guid OrganizationId { get; set; }

    public SearchKind Kind { get; set; }

    /// <summary>The record the entry stands for.</summary>
    public Guid RecordId { get; set; }

    /// <summary>The record it belongs to where its page needs it (an impact assessment's AI system).</summary>
    public Guid? ParentId { get; set; }

    /// <summary>The number its page needs (an impact assessment's number).</summary>
    public int? Number { get; set; }

    /// <summary>The record's key where it has one (R-12, C-3), for the register link.</summary>
    public string? Key { get; set; }

    public required string Title { get; set; }

    /// <summary>The readable text a snippet is cut from.</summary>
    public required string Body { get; set; }

    /// <summary>Lower-case words of title and text separated by single spaces: what the full-text index reads.</summary>
    public required string Terms { get; set; }
}

/// <summary>How far into the organization's audit trail its search index has read.</summary>
public sealed class SearchIndexStateRecord : IOrganizationRow
{
    public Guid Id { get; set; }

    public Guid OrganizationId { get; set; }

    /// <summary>The last audit event whose record is reflected in the index; the concurrency token between two refreshes.</summary>
    public long IndexedSequence { get; set; }
}
