using System.CommandLine;

namespace Harmonia.Cli;

internal static class OutputFormat
{
    public const string Table = "table";
    public const string Markdown = "md";
    public const string Html = "html";
    public const string Json = "json";

    public static Option<string> CreateOption()
    {
        var option = new Option<string>("--format")
        {
            Description = "table (console), md, html or json.",
            DefaultValueFactory = _ => Table,
        };
        option.AcceptOnlyFromAmong(Table, Markdown, Html, Json);
        return option;
    }

    public static Option<string?> CreateOutOption() => new("--out") { Description = "Write to this file instead of the console." };
}
