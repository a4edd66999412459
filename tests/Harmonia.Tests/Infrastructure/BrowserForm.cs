using System.Net;
using System.Text.RegularExpressions;

namespace Harmonia.Tests.Infrastructure;

/// <summary>Page tests drive forms the way a browser serializes them: read the page, fill the form, post it.</summary>
internal static partial class BrowserForm
{
    public static Uri Url(string path) => new(path, UriKind.Relative);

    public static void Set(List<KeyValuePair<string, string>> fields, string name, string value) => SetNth(fields, name, 0, value);

    public static void SetNth(List<KeyValuePair<string, string>> fields, string name, int n, string value)
    {
        var at = fields.Select((f, i) => (f, i)).Where(x => x.f.Key == name).Select(x => x.i).Skip(n).DefaultIfEmpty(-1).First();
        Assert.True(at >= 0, $"the form has no field '{name}' number {n + 1}");
        fields[at] = new(name, value);
    }

    /// <summary>
    /// What a browser posts for the form whose opening tag contains <paramref name="marker"/> (its action or id):
    /// inputs, ticked boxes, chosen options, text areas.
    /// </summary>
    public static List<KeyValuePair<string, string>> FormFields(string html, string marker)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the page has no form with {marker}");
        var start = html.LastIndexOf("<form", at, StringComparison.Ordinal);
        var form = html[start..html.IndexOf("</form>", at, StringComparison.Ordinal)];
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match element in Element().Matches(form))
        {
            var attributes = Attribute().Matches(element.Groups["attributes"].Value)
                .ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value));
            if (!attributes.TryGetValue("name", out var name))
            {
                continue;
            }

            switch (element.Groups["tag"].Value)
            {
                case "input" when attributes.GetValueOrDefault("type") is "checkbox" or "radio":
                    if (attributes.ContainsKey("checked"))
                    {
                        fields.Add(new(name, attributes.GetValueOrDefault("value", "on")));
                    }

                    break;
                case "input" when attributes.GetValueOrDefault("type") is "file" or "submit":
                    break;
                case "input":
                    fields.Add(new(name, attributes.GetValueOrDefault("value", string.Empty)));
                    break;
                case "textarea":
                    fields.Add(new(name, WebUtility.HtmlDecode(element.Groups["content"].Value)));
                    break;
                default:
                    var options = Option().Matches(element.Groups["content"].Value).ToArray();
                    var chosen = options.Where(o => o.Groups[1].Value.Contains(" selected", StringComparison.Ordinal)).ToArray();
                    var posted = chosen.Length > 0 || attributes.ContainsKey("multiple") ? chosen : options.Take(1);
                    fields.AddRange(posted.Select(o => new KeyValuePair<string, string>(name, WebUtility.HtmlDecode(Attribute().Matches(o.Groups[1].Value).Single(a => a.Groups[1].Value == "value").Groups[2].Value))));
                    break;
            }
        }

        return fields;
    }

    [GeneratedRegex("<(?<tag>input)\\b(?<attributes>[^>]*)>|<(?<tag>select|textarea)\\b(?<attributes>[^>]*)>(?<content>.*?)</\\k<tag>>", RegexOptions.Singleline)]
    private static partial Regex Element();

    [GeneratedRegex("([\\w:.-]+)(?:=\"([^\"]*)\")?")]
    private static partial Regex Attribute();

    [GeneratedRegex("<option\\b([^>]*)>", RegexOptions.Singleline)]
    private static partial Regex Option();
}
