using System.CommandLine;
using System.Text.Json;
using Harmonia.App.Common;
using Harmonia.App.Content;
using Harmonia.App.Features.Documents;
using Harmonia.App.Features.Organizations;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Harmonia.Cli;

/// <summary><c>harmonia docs coverage</c> and <c>harmonia docs generate</c>.</summary>
internal static class DocumentsCommands
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static Command Create(CliContext context) => new("docs", "Policies and procedures generated from the questionnaire answers.")
    {
        Coverage(context),
        Generate(context),
    };

    private static Command Coverage(CliContext context)
    {
        var format = new Option<string>("--format") { Description = "table (default) or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("coverage", "Every requirement of both standards that asks for documented information, and the template statements covering it.") { format };
        command.SetAction(parsed => context.Guard(() =>
        {
            var content = context.Get<LoadedContent>();
            var report = DocumentCoverage.Compute(content.Documents, content.Catalog);
            if (parsed.GetValue(format) == "json")
            {
                context.Out.WriteLine(JsonSerializer.Serialize(
                    report.Rows.Select(r => new { r.RequirementId, r.Title, r.Expected, r.Covered, Statements = r.Statements.Select(s => s.StatementId) }),
                    Json));
                return report.Uncovered.Any() ? HarmoniaCli.Failure : HarmoniaCli.Success;
            }

            var console = context.Console();
            var table = new Table().AddColumns("Requirement", "Title", "Covered by");
            foreach (var row in report.Rows)
            {
                table.AddRow(
                    Markup.Escape(row.RequirementId),
                    Markup.Escape(row.Title),
                    row.Covered ? Markup.Escape($"{row.Statements.Count} statements in {string.Join(", ", row.Statements.Select(s => s.TemplateId).Distinct())}") : "[red]NOT COVERED[/]");
            }

            console.Write(table);
            foreach (var group in report.Rows.GroupBy(r => r.FrameworkId))
            {
                console.WriteLine($"{group.Key}: {group.Count(r => r.Covered)} of {group.Count()} documented-information requirements covered");
            }

            // Uncovered requirements make the command fail, so CI notices a template change that loses coverage.
            return report.Uncovered.Any() ? HarmoniaCli.Failure : HarmoniaCli.Success;
        }));
        return command;
    }

    private static Command Generate(CliContext context)
    {
        var org = new Option<string>("--org") { Description = "Organization file (YAML) or the id of an organization in the database.", Required = true };
        var answers = new Option<string>("--answers") { Description = "Questionnaire answers (YAML), e.g. examples/acme-answers.yaml.", Required = true };
        var formats = new Option<string>("--format") { Description = "Comma-separated: docx,pdf,md,html.", DefaultValueFactory = _ => "docx,pdf,md,html" };
        var output = new Option<string>("--out") { Description = "Folder to write the documents into (created if missing).", Required = true };
        var only = new Option<string?>("--only") { Description = "Comma-separated document ids; all when omitted." };
        var allowMissing = new Option<bool>("--allow-missing") { Description = "Write drafts even when required answers are missing (they show as markers)." };
        var command = new Command("generate", "Generate the policy and procedure pack.") { org, answers, formats, output, only, allowMissing };
        command.SetAction(async (parsed, _) =>
        {
            var value = parsed.GetValue(org)!;
            OrganizationFile? organization = null;
            if (Guid.TryParse(value, out var organizationId))
            {
                var loaded = await context.GuardDatabaseAsync(async services =>
                {
                    organization = await services.GetRequiredService<LoadOrganizationHandler>().HandleAsync(new LoadOrganizationRequest(organizationId));
                    return HarmoniaCli.Success;
                });
                if (loaded != HarmoniaCli.Success)
                {
                    return loaded;
                }
            }

            return context.Guard(() =>
            {
                var content = context.Get<LoadedContent>();
                organization ??= OrganizationFileReader.Read(value, InputFile.Read(value), content.Catalog);
                var answersPath = parsed.GetValue(answers)!;
                var given = AnswersFileReader.Read(answersPath, InputFile.Read(answersPath), content.Documents.Questionnaire);
                var chosen = ParseFormats(parsed.GetValue(formats)!);
                var ids = parsed.GetValue(only)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var request = new GeneratePolicyPackRequest(organization, given, chosen, DateOnly.FromDateTime(DateTime.UtcNow), ids);
                var handler = context.Get<GeneratePolicyPackHandler>();
                var documents = new List<GeneratedDocument>();
                var total = ids?.Length ?? content.Documents.Templates.Count;
                context.Console().Progress().AutoClear(false).Start(progress =>
                {
                    var task = progress.AddTask("Generating documents", maxValue: total);
                    foreach (var document in handler.Handle(request))
                    {
                        documents.Add(document);
                        task.Increment(1);
                    }
                });

                var missing = documents.SelectMany(d => d.Missing.Select(q => (d.TemplateId, q))).ToArray();
                var problems = documents.SelectMany(d => d.Problems.Select(p => $"{d.TemplateId}: {p}")).ToArray();
                if (problems.Length > 0)
                {
                    return context.Fail("the templates produced invalid documents: " + string.Join("; ", problems));
                }

                if (missing.Length > 0 && !parsed.GetValue(allowMissing))
                {
                    foreach (var group in missing.GroupBy(m => m.q.Key))
                    {
                        context.Error.WriteLine($"missing answer: {group.Key} ({group.First().q.Label}) needed by {string.Join(", ", group.Select(g => g.TemplateId))}");
                    }

                    return context.Fail($"{missing.Select(m => m.q.Key).Distinct().Count()} required answers are missing; nothing was written (use --allow-missing for drafts).");
                }

                CliContext.WriteFolder(Path.GetFullPath(parsed.GetValue(output)!), documents.SelectMany(d => d.Files).Select(f => (f.FileName, f.Content)).ToArray());

                context.Out.WriteLine($"Wrote {documents.Sum(d => d.Files.Count)} files for {documents.Count} documents to {parsed.GetValue(output)}");
                return HarmoniaCli.Success;
            });
        });
        return command;
    }

    private static DocumentFileFormat[] ParseFormats(string text)
    {
        var formats = new List<DocumentFileFormat>();
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<DocumentFileFormat>(name, ignoreCase: true, out var format) || !Enum.IsDefined(format))
            {
                throw new InvalidInputException($"Unknown format '{name}'; use docx, pdf, md or html.");
            }

            formats.Add(format);
        }

        return formats.Count == 0 ? throw new InvalidInputException("Name at least one format: docx, pdf, md or html.") : formats.ToArray();
    }
}
