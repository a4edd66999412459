using Harmonia.App.Content;
using Harmonia.App.Rendering;
using Harmonia.Domain.Documents;
using Harmonia.Tests.Documents;
using UglyToad.PdfPig;

namespace Harmonia.Tests.Rendering;

/// <summary>
/// Issue 20, item 4: PDF layout stops inside a document when its request is cancelled (client gone, time budget spent),
/// instead of laying out every page first. The test cancels at a known block through the writer's seam, not by a timer.
/// </summary>
public sealed class PdfCancellationTests
{
    private const int Blocks = 400;

    private static DocumentModel Large()
    {
        var model = DocumentLibraryTests.Render(LoadedContent.Shipped.Documents.Templates[0], DocumentLibraryTests.AcmeAnswers()).Model;
        var paragraph = string.Join(' ', Enumerable.Repeat("Every change to an AI system is assessed for its impact on the people it affects before it is released.", 12));
        var blocks = Enumerable.Range(1, Blocks).Select(i => i % 20 == 1
            ? (DocumentBlock)new DocumentHeading(1, $"Part {i / 20 + 1}")
            : new DocumentStatement($"{model.Info.Id}.p{i}", $"{i}: {paragraph}", [], StatementStyle.Paragraph)).ToArray();
        return model with { Blocks = blocks };
    }

    [Fact]
    public void A_cancelled_request_stops_the_layout_at_the_next_block_not_at_the_end_of_the_document()
    {
        using var cancellation = new CancellationTokenSource();
        var laidOut = 0;
        const int CancelAfter = 25;
        Assert.ThrowsAny<OperationCanceledException>(() => PdfDocumentWriter.Write(Large(), marks: true, afterBlock: n =>
        {
            laidOut = n;
            if (n == CancelAfter)
            {
                cancellation.Cancel();
            }
        }, cancellation.Token));
        Assert.Equal(CancelAfter, laidOut);
    }

    [Fact]
    public void The_same_document_uncancelled_is_laid_out_whole()
    {
        var laidOut = 0;
        var pdf = PdfDocumentWriter.Write(Large(), marks: true, afterBlock: n => laidOut = n, CancellationToken.None);
        Assert.Equal(Blocks, laidOut);
        using var document = PdfDocument.Open(pdf);
        Assert.True(document.NumberOfPages > 50, $"{document.NumberOfPages} pages");
    }

    [Fact]
    public void A_token_cancelled_before_the_start_writes_nothing()
    {
        Assert.ThrowsAny<OperationCanceledException>(() => PdfDocumentWriter.Write(Large(), new CancellationToken(canceled: true)));
    }

    [Fact]
    public void A_word_wider_than_the_page_is_cut_into_lines_that_keep_every_character()
    {
        var model = DocumentLibraryTests.Render(LoadedContent.Shipped.Documents.Templates[0], DocumentLibraryTests.AcmeAnswers()).Model;
        var word = string.Concat(Enumerable.Range(0, 4000).Select(i => (char)('a' + (i * 7 % 26))));
        var pdf = PdfDocumentWriter.Write(model with { Blocks = [new DocumentStatement($"{model.Info.Id}.long", word, [], StatementStyle.Paragraph)] });
        using var document = PdfDocument.Open(pdf);
        // Body letters only (footers sit below 58 points), so a word running over a page break reads whole.
        var text = string.Concat(document.GetPages().SelectMany(p => p.Letters.Where(l => l.BoundingBox.Bottom > 58).Select(l => l.Value)).Where(l => !string.IsNullOrWhiteSpace(l)));
        Assert.Contains(word, text, StringComparison.Ordinal);
    }
}
