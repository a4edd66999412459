using System.Text.RegularExpressions;
using Harmonia.App.Common;
using Harmonia.Domain.Work;

namespace Harmonia.App.Features.Comments;

/// <summary>What a comment may hold, and whom it mentions.</summary>
public static partial class CommentRules
{
    public const int MaxBodyLength = 5000;

    public const int MaxMentions = 20;

    /// <summary>
    /// The members a body mentions: "@dana@acme.example" (an e-mail address) or "@dana" (the part before the @ of exactly
    /// one member's address). A mention that names no member, or more than one, is refused rather than silently
    /// dropped: the author believes someone will be told.
    /// </summary>
    public static IReadOnlyList<MemberName> Mentions(string body, IReadOnlyList<MemberName> members)
    {
        var found = new List<MemberName>();
        var problems = new List<string>();
        foreach (var name in Mention().Matches(body).Select(m => m.Groups["name"].Value.TrimEnd('.')).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var matches = name.Contains('@', StringComparison.Ordinal)
                ? members.Where(m => m.Email.Equals(name, StringComparison.OrdinalIgnoreCase)).ToArray()
                : members.Where(m => m.Email.Split('@')[0].Equals(name, StringComparison.OrdinalIgnoreCase)).ToArray();
            if (matches.Length == 1)
            {
                found.Add(matches[0]);
            }
            else
            {
                problems.Add(matches.Length == 0 ? $"@{name} is no member of this organization." : $"@{name} fits {matches.Length} members; write the whole e-mail address.");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["body"] = [.. problems] });
        }

        return found.Count <= MaxMentions
            ? found.DistinctBy(m => m.Id).ToArray()
            : throw new InvalidInputException(new Dictionary<string, string[]> { ["body"] = [$"A comment mentions at most {MaxMentions} people."] });
    }

    public static string CheckedBody(string? body)
    {
        var text = body?.Trim();
        return string.IsNullOrEmpty(text) || text.Length > MaxBodyLength
            ? throw new InvalidInputException(new Dictionary<string, string[]> { ["body"] = [$"Write the comment: 1 to {MaxBodyLength} characters."] })
            : text;
    }

    // "@" at the start or after a space or bracket, so "name@example.org" inside a sentence is an address, not a mention.
    [GeneratedRegex(@"(?<=^|[\s(\[])@(?<name>[A-Za-z0-9._%+-]+(?:@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?)", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Mention();
}
