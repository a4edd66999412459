using System.Text;
using Harmonia.App.Common;

namespace Harmonia.Tests.Evidence;

public sealed class EvidenceFileTests
{
    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\me\\Q2 review.docx", "Q2 review.docx")]
    [InlineData("..", "evidence")]
    [InlineData("   ", "evidence")]
    [InlineData("a\u0000b\u202Ec.txt", "a_b_c.txt")]
    [InlineData(".hidden", "hidden")]
    [InlineData("Prüfbericht Überwachung.pdf", "Prüfbericht Überwachung.pdf")]
    public void File_names_are_sanitised(string name, string expected) => Assert.Equal(expected, FileNames.Sanitise(name));

    [Fact]
    public void Long_names_keep_their_extension() =>
        Assert.Equal(FileNames.MaxLength, FileNames.Sanitise(new string('x', 300) + ".xlsx").Length);

    [Theory]
    [InlineData("%PDF-1.4 rest", "x.pdf", "application/pdf")]
    [InlineData("PK\u0003\u0004rest", "board.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("PK\u0003\u0004rest", "bundle.bin", "application/zip")]
    [InlineData("metric,value\nrecall,0.9\n", "bias.csv", "text/csv")]
    [InlineData("plain words", "notes", "text/plain")]
    public void Types_come_from_the_content(string head, string name, string expected)
    {
        Assert.Equal(expected, FileTypeSniffer.Sniff(Encoding.Latin1.GetBytes(head), name, out var refusal));
        Assert.Null(refusal);
    }

    [Theory]
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2 }, "run.pdf")]
    [InlineData(new byte[] { 0x23, 0x21, 0x2F, 0x62 }, "run.txt")]
    [InlineData(new byte[] { 0x00, 0x01, 0x02, 0xFF }, "blob.txt")]
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67, 0x3E }, "logo.txt")]
    public void Executables_scripts_html_and_unknown_binaries_are_refused(byte[] head, string name)
    {
        Assert.Null(FileTypeSniffer.Sniff(head, name, out var refusal));
        Assert.False(string.IsNullOrEmpty(refusal));
    }

    [Fact]
    public async Task The_same_bytes_are_stored_once_at_their_hash()
    {
        var folder = Path.Combine(Path.GetTempPath(), "harmonia-store-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new LocalEvidenceStore(new EvidenceStoreSettings(folder, 1024));
            var first = await store.SaveAsync(new MemoryStream("same text"u8.ToArray()), "a.txt", null);
            var second = await store.SaveAsync(new MemoryStream("same text"u8.ToArray()), "b.txt", null);

            Assert.Equal(first.Sha256, second.Sha256);
            Assert.Single(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));
            await using var stored = (await store.OpenAsync(first.Sha256))!;
            Assert.Equal("same text", await new StreamReader(stored).ReadToEndAsync());
            Assert.Null(await store.OpenAsync("../" + first.Sha256[3..]));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Temporary_files_left_by_killed_uploads_are_swept_and_fresh_ones_kept()
    {
        var folder = Path.Combine(Path.GetTempPath(), "harmonia-store-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new LocalEvidenceStore(new EvidenceStoreSettings(folder, 1024));
            var stored = await store.SaveAsync(new MemoryStream("kept evidence"u8.ToArray()), "a.txt", null);
            var incoming = Directory.CreateDirectory(Path.Combine(folder, "incoming")).FullName;
            var abandoned = Path.Combine(incoming, "abandoned");
            var receiving = Path.Combine(incoming, "receiving");
            await File.WriteAllTextAsync(abandoned, "half an upload");
            await File.WriteAllTextAsync(receiving, "an upload in progress");
            File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddHours(-2));

            Assert.Equal(1, store.SweepIncoming(TimeSpan.FromHours(1), DateTime.UtcNow));
            Assert.False(File.Exists(abandoned));
            Assert.True(File.Exists(receiving));
            Assert.NotNull(await store.OpenAsync(stored.Sha256));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("padded-html")]
    [InlineData("binary-tail")]
    [InlineData("invalid-utf8-tail")]
    public async Task Text_is_checked_to_the_end_not_only_in_its_first_kilobyte(string kind)
    {
        var padding = new string(' ', 4096);
        byte[] content = kind switch
        {
            "padded-html" => Encoding.UTF8.GetBytes(padding + "<html><script>alert(1)</script></html>"),
            "binary-tail" => [.. Encoding.UTF8.GetBytes("notes\n" + padding), 0, 1, 2],
            _ => [.. Encoding.UTF8.GetBytes("notes\n" + padding), 0xC3, 0x28],
        };
        var folder = Path.Combine(Path.GetTempPath(), "harmonia-store-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new LocalEvidenceStore(new EvidenceStoreSettings(folder, 1024 * 1024));
            var refused = await Assert.ThrowsAsync<InvalidInputException>(() => store.SaveAsync(new MemoryStream(content), "notes.txt", null));
            Assert.Contains("was not stored", refused.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories));

            var fine = await store.SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes("minutes\n" + padding + "a < b and 5 > 3\n")), "minutes.txt", null);
            Assert.Equal("text/plain", fine.ContentType);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
