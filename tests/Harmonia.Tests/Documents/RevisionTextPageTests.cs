using Harmonia.App.Persistence;
using Harmonia.App.Rendering;
using Harmonia.Tests.Infrastructure;

namespace Harmonia.Tests.Documents;

/// <summary>Issue 19 item 8: a document is reviewed as formatted text, with the traceability marks only on request.</summary>
public sealed class RevisionTextPageTests
{
    [Fact]
    public async Task A_revision_reads_as_formatted_text_and_shows_its_statement_ids_only_when_asked()
    {
        await using var host = await ApiHost.StartAsync(DatabaseProvider.Sqlite);
        var document = await host.DocumentAsync(host.OrganizationA);
        using var browser = await host.SignedInAsync("viewer@a.example");
        var page = $"/orgs/{host.OrganizationA}/documents/{document}";

        var plain = await browser.GetStringAsync(new Uri(page, UriKind.Relative));
        Assert.Contains("class=\"doc doc-html\"", plain, StringComparison.Ordinal);
        Assert.Contains("<h3>", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"sid\"", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("<pre class=\"doc\"", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("](", plain, StringComparison.Ordinal);
        Assert.Contains("Show the traceability marks", plain, StringComparison.Ordinal);

        var marked = await browser.GetStringAsync(new Uri(page + "?marks=on", UriKind.Relative));
        Assert.Contains("<span class=\"sid\">[", marked, StringComparison.Ordinal);
        Assert.Contains(DocumentText.AddressedHeading, marked, StringComparison.Ordinal);
        Assert.Contains("Hide the marks", marked, StringComparison.Ordinal);

        // The employees' copy as a file leaves the marks out as well; the auditor's keeps them.
        Assert.DoesNotContain("class=\"sid\"", HtmlDocumentWriter.Write(SampleModel(), marks: false), StringComparison.Ordinal);
        Assert.Contains("class=\"sid\"", HtmlDocumentWriter.Write(SampleModel()), StringComparison.Ordinal);
    }

    private static Harmonia.Domain.Documents.DocumentModel SampleModel() =>
        new(new("POL-1", "Policy", "policy", "internal", "Owner", "Approver", "1.0", "draft", null, ["iso27001-2022"], "Acme"),
            [new Harmonia.Domain.Documents.DocumentStatement("POL-1.1", "Everyone locks their screen.", ["iso27001-2022:A.8.1"], Harmonia.Domain.Documents.StatementStyle.Paragraph)],
            [], []);
}
