namespace Harmonia.App.Common;

/// <summary>A file made for download: a document, a register, an export.</summary>
public sealed record GeneratedFile(string FileName, string ContentType, byte[] Content);
