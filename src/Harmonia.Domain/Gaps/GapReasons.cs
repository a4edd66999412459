using System.Globalization;
using System.Text;
using Harmonia.Domain.Mapping;

namespace Harmonia.Domain.Gaps;

/// <summary>Turns a row's provenance into the one sentence every report shows next to the result.</summary>
public static class GapReasons
{
    public static string ForOwn(OwnResult own)
    {
        if (own.Basis is ResultBasis.Records or ResultBasis.Excluded)
        {
            return own.EnteredReason ?? string.Empty;
        }

        if (own.Basis == ResultBasis.Entered)
        {
            var entered = "Entered as " + own.Result.ToLabel().ToLowerInvariant();
            return string.IsNullOrWhiteSpace(own.EnteredReason) ? entered + "." : entered + ": " + own.EnteredReason.Trim();
        }

        var relevant = own.Controls.Where(c => c.Status != ControlStatus.NotApplicable).ToArray();
        var implemented = relevant.Where(c => c.Status == ControlStatus.Implemented).ToArray();
        var pending = relevant.Where(c => c.Status != ControlStatus.Implemented).ToArray();
        var byControls = own.Result switch
        {
            RequirementResult.Satisfied when implemented.Length == 1 => "Satisfied by control " + Describe(implemented[0]) + ".",
            RequirementResult.Satisfied => $"Satisfied by {implemented.Length} implemented controls: {Join(implemented)}.",
            RequirementResult.PartiallySatisfied =>
                $"{implemented.Length} of {relevant.Length} linked controls implemented ({Join(implemented)}); still open: {Join(pending)}.",
            _ => "Linked controls are not implemented yet: " + Join(pending) + ".",
        };
        return own.RecordNote is null ? byControls : byControls + " " + own.RecordNote;
    }

    /// <param name="name">Turns a requirement id into words a reader knows (see <see cref="RequirementNames"/>).</param>
    public static string ForInferred(InferencePath path, Func<string, string> name)
    {
        // The strength stands right next to the result, so a weak link (3 of 10) cannot read like a strong one.
        var text = new StringBuilder(path.Result.ToLabel());
        text.Append(CultureInfo.InvariantCulture, $" ({StrengthWords(path.Strength)} link, strength {path.Strength} of 10");
        text.Append(path.Hops.Count > 1 ? " at its weakest step" : string.Empty).Append("): ");
        for (var i = path.Hops.Count - 1; i >= 0; i--)
        {
            var hop = path.Hops[i];
            text.Append(i == path.Hops.Count - 1 ? string.Empty : ", which ");
            text.Append(i == path.Hops.Count - 1 ? Phrase(hop, name) : PhraseOf(hop, name));
        }

        text.Append(". ").Append(name(path.Origin.RequirementId)).Append(": ");
        text.Append(ForOwn(path.Origin));
        return text.ToString();
    }

    /// <summary>How much of the receiving requirement the link really covers, in a word (the crosswalk's 1-10 scale).</summary>
    public static string StrengthWords(int strength) => strength switch
    {
        <= 3 => "weak",
        <= 6 => "moderate",
        <= 8 => "strong",
        _ => "very strong",
    };

    /// <param name="frameworkName">Turns a framework id into the name a reader knows (ISO/IEC 27001:2022).</param>
    public static string ForNone(IReadOnlyList<NoEquivalent> noEquivalents, Func<string, string> frameworkName)
    {
        const string open = "Open gap: no control, entered result or mapping covers this requirement.";
        return noEquivalents.Count == 0
            ? open
            : open + " No " + frameworkName(noEquivalents[0].SourceFrameworkId) + " equivalent: " + noEquivalents[0].Reason.Trim();
    }

    // The phrase reads from the receiving requirement's side: "the same as X", "fully covered by X", ...
    private static string Phrase(MappingHop hop, Func<string, string> name) => hop.Relationship switch
    {
        Relationship.Equal => "the same as " + name(hop.FromId),
        Relationship.Superset => "fully covered by " + name(hop.FromId),
        Relationship.Subset => "only partly covered by " + name(hop.FromId),
        _ => "overlaps in part with " + name(hop.FromId),
    };

    private static string PhraseOf(MappingHop hop, Func<string, string> name) => hop.Relationship switch
    {
        Relationship.Equal => "is the same as " + name(hop.FromId),
        Relationship.Superset => name(hop.FromId) + " covers in full",
        Relationship.Subset => name(hop.FromId) + " covers only in part",
        _ => "overlaps in part with " + name(hop.FromId),
    };

    private static string Describe(OrganizationControl control)
    {
        var latest = control.Evidence.Where(e => e.Date is not null).OrderByDescending(e => e.Date).FirstOrDefault();
        return latest is null
            ? $"'{control.Name}'"
            : $"'{control.Name}' (evidence {latest.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})";
    }

    private static string Join(IEnumerable<OrganizationControl> controls) =>
        string.Join(", ", controls.Select(c => c.Status == ControlStatus.Implemented
            ? Describe(c)
            : $"'{c.Name}' ({StatusLabel(c.Status)})"));

    private static string StatusLabel(ControlStatus status) => status switch
    {
        ControlStatus.Planned => "planned",
        ControlStatus.InProgress => "in progress",
        ControlStatus.NotApplicable => "not applicable",
        _ => "implemented",
    };

    public static string DocumentedIn(PublishedDocument document) =>
        $"Documented in '{document.Title}' {document.Version} (published).";

    public static string ForDocumented(PublishedDocument document) =>
        $"Partially satisfied: documented in '{document.Title}' {document.Version} (published); the implementation still needs evidence.";
}
