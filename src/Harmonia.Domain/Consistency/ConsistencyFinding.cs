using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace Harmonia.Domain.Consistency;

/// <summary>Where a contradiction is resolved.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConsistencyFixKind>))]
public enum ConsistencyFixKind
{
    /// <summary>The questionnaire (id = the answer key).</summary>
    Answer,

    /// <summary>An AI system of the inventory (id = its key).</summary>
    AiSystem,

    /// <summary>A control, to correct its evidence (id = the control key).</summary>
    Control,
}

/// <summary>A place where the contradiction can be fixed, for the web layer to link to.</summary>
public sealed record ConsistencyFix(ConsistencyFixKind Kind, string Id);

/// <summary>
/// One contradiction between what the organization says and what it has. <see cref="Id"/> names the rule and the
/// subject so an acknowledgement finds the same finding again; <see cref="Fingerprint"/> digests the facts compared, so
/// an acknowledgement given for one set of facts no longer counts once any of them changes.
/// </summary>
/// <param name="Rule">The rule's id, e.g. "high-impact-denied".</param>
/// <param name="Subject">What the finding is about within the rule (an AI system key, a prohibited use, ...).</param>
/// <param name="Message">Both facts, in plain words, and what to change.</param>
/// <param name="ContestedAnswers">The questionnaire keys whose answers the contradicted documents state; the documents built from them are the affected ones.</param>
/// <param name="Facts">The values compared, in a fixed order; the fingerprint is their digest.</param>
public sealed record ConsistencyFinding(
    string Rule,
    string Subject,
    string Title,
    string Message,
    IReadOnlyList<string> ContestedAnswers,
    IReadOnlyList<ConsistencyFix> FixAt,
    IReadOnlyList<string> Facts)
{
    public string Id => $"{Rule}:{Subject}";

    public string Fingerprint
    {
        get
        {
            var text = string.Join("\u001f", new[] { Rule, Subject }.Concat(Facts));
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
        }
    }
}
