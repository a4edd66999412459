using System.Globalization;
using Fluid;
using Harmonia.App.Features.Organizations;
using Harmonia.Domain.AiSystems;
using Harmonia.Domain.Catalogs;
using Harmonia.Domain.Documents;

namespace Harmonia.App.Features.Documents;

/// <summary>Document-control facts that are not in the template: version, status, dates, history.</summary>
public sealed record DocumentControl(string Version, string Status, DateOnly? NextReview, IReadOnlyList<Revision> Revisions)
{
    public static DocumentControl Draft(DateOnly today, int reviewMonths) =>
        new("0.1", "draft", today.AddMonths(reviewMonths), [new Revision("0.1", today, "Harmonia", "Generated from the questionnaire answers.")]);
}

/// <param name="Missing">Required answers the document needs and does not have: they block publication.</param>
/// <param name="Problems">Problems found only after rendering (e.g. a loop produced the same statement id twice).</param>
public sealed record RenderedDocument(DocumentModel Model, IReadOnlyList<Question> Missing, IReadOnlyList<string> Problems);

/// <summary>
/// Renders a template with an organization's answers into the document model. Answers are data: they are put into
/// the Liquid context as values (never parsed as template code), with line breaks, '§' and '|' neutralised so an
/// answer cannot add a heading, a statement or a table cell. A missing required answer shows as a visible marker
/// and is listed; it never turns into "N/A".
/// </summary>
public static partial class DocumentRenderer
{
    private static readonly TemplateOptions Options = new() { CultureInfo = CultureInfo.InvariantCulture };

    public static RenderedDocument Render(
        DocumentTemplate template,
        DocumentLibrary library,
        Catalog catalog,
        Answers answers,
        IReadOnlyList<AiSystemEntry> aiSystems,
        DocumentControl control)
    {
        var missing = template.Requires.Append(template.OwnerKey).Append(template.ApproverKey).Distinct(StringComparer.Ordinal)
            .Select(library.Questionnaire.Find)
            .OfType<Question>()
            .Where(q => q.Required && !answers.Has(q.Key))
            .ToArray();

        var context = new TemplateContext(Options);
        foreach (var (root, value) in Model(library.Questionnaire, answers, missing))
        {
            context.SetValue(root, value);
        }

        context.SetValue("ai_systems", aiSystems.Select(s => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = Clean(s.Id),
            ["name"] = Clean(s.Name),
            ["purpose"] = s.Purpose is null ? null : Clean(s.Purpose),
            // One phrase a reader understands ("AI developer (AI producer), data provider (AI partner)"); the names alone
            // for templates that test a role.
            ["role"] = AiRoles.Describe(s.Roles),
            ["roles"] = AiRoles.Normalize(s.Roles).Select(r => AiRoles.Find(r)!.Name).ToArray(),
            ["eu_ai_act_role"] = s.EuAiActRole is null ? null : AiRoles.DescribeEuAiAct(s.EuAiActRole),
            ["lifecycle_stage"] = s.LifecycleStage,
            ["supplier"] = s.Supplier is null ? null : Clean(s.Supplier),
        }).ToArray());

        // The main 22989 roles the organization's answer amounts to: a template tests "AI producer" once instead of
        // listing every finer role (AI developer) that makes the organization one.
        context.SetValue("ai_main_roles", answers.Values.TryGetValue("ai.roles", out var held) && held is IReadOnlyList<string> names
            ? AiRoles.Groups(names.Select(n => AiRoles.FindByName(n)?.Token ?? n)).Select(r => r.Name).ToArray()
            : Array.Empty<string>());

        var text = template.Liquid.Render(context, NullEncoder.Default);
        var (parsed, problems) = TemplateBody.Parse(template.Id, text, template.BodyFirstLine, r => catalog.FindRequirement(r) is not null);
        var blocks = parsed.Select(b => b is DocumentStatement s ? s with { Text = Tidy(s.Text) } : b).ToArray();
        var duplicates = blocks.OfType<DocumentStatement>().GroupBy(s => s.Id).Where(g => g.Count() > 1).Select(g => $"statement id '{g.Key}' appears {g.Count()} times");
        var info = new DocumentInfo(
            template.Id,
            template.Title,
            template.Kind,
            template.Classification,
            Shown(answers, template.OwnerKey, library),
            Shown(answers, template.ApproverKey, library),
            control.Version,
            control.Status,
            control.NextReview,
            template.Standards,
            answers.Values.TryGetValue("org.name", out var name) ? Answers.Display(name) : "the organization");
        var model = new DocumentModel(info, blocks, Addressed(blocks, catalog), control.Revisions);
        return new RenderedDocument(model, missing, problems.Select(p => $"line {p.Line}: {p.Message}").Concat(duplicates).ToArray());
    }

    /// <summary>The requirements the statements address, in catalog order, each with its statements.</summary>
    public static IReadOnlyList<AddressedRequirement> Addressed(IEnumerable<DocumentBlock> blocks, Catalog catalog) =>
        blocks.OfType<DocumentStatement>()
            .SelectMany(s => s.RequirementIds.Select(r => (Requirement: r, Statement: s.Id)))
            .GroupBy(x => x.Requirement, StringComparer.Ordinal)
            .Select(g => (Requirement: catalog.FindRequirement(g.Key)!, Statements: g.Select(x => x.Statement).Distinct(StringComparer.Ordinal).ToArray()))
            .OrderBy(x => x.Requirement.FrameworkId, StringComparer.Ordinal)
            .ThenBy(x => catalog.FindFramework(x.Requirement.FrameworkId)!.Requirements.ToList().IndexOf(x.Requirement))
            .Select(x => new AddressedRequirement(x.Requirement.Id, x.Requirement.Title, x.Statements))
            .ToArray();

    /// <summary>
    /// Answers land mid-sentence and at its start ("the Management Board shall ..."), and often end with their own
    /// full stop: a statement starts with a capital and never ends in "..".
    /// </summary>
    private static string Tidy(string text)
    {
        text = DoubleStop().Replace(text, ".");
        return text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\.)\.\.(?!\.)")]
    private static partial System.Text.RegularExpressions.Regex DoubleStop();

    /// <summary>Text that may go into a document: one line, no statement marker, no table cell separator.</summary>
    public static string Clean(string value) =>
        value.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ').Replace('\r', ' ').Replace('§', 'S').Replace('|', '/').Trim();

    private static string Shown(Answers answers, string key, DocumentLibrary library) =>
        answers.Values.TryGetValue(key, out var value) ? Clean(Answers.Display(value)) : Marker(library.Questionnaire.Find(key));

    private static string Marker(Question? question) => $"[missing answer: {question?.Label ?? "unknown"}]";

    private static Dictionary<string, Dictionary<string, object?>> Model(Questionnaire questionnaire, Answers answers, IReadOnlyList<Question> missing)
    {
        var roots = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var question in questionnaire.Questions)
        {
            var dot = question.Key.IndexOf('.', StringComparison.Ordinal);
            var (root, leaf) = (question.Key[..dot], question.Key[(dot + 1)..]);
            if (!roots.TryGetValue(root, out var values))
            {
                roots[root] = values = new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            values[leaf] = answers.Values.TryGetValue(question.Key, out var answer)
                ? answer switch
                {
                    string s => Clean(s),
                    IReadOnlyList<string> list => list.Select(Clean).ToArray(),
                    DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    _ => answer,
                }
                : missing.Contains(question) ? Marker(question) : null;
        }

        return roots;
    }
}
