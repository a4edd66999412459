namespace Harmonia.App.Content;

/// <summary>One problem in a YAML file, located so a person can jump to it.</summary>
public sealed record ContentError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}

/// <summary>Thrown when content or an organization file is invalid; carries every error found, in file order.</summary>
public sealed class ContentValidationException : Exception
{
    public ContentValidationException(IReadOnlyList<ContentError> errors)
        : base(Summarize(errors))
    {
        Errors = errors;
    }

    public ContentValidationException()
        : this([])
    {
    }

    public ContentValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ContentValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<ContentError> Errors { get; }

    private static string Summarize(IReadOnlyList<ContentError> errors) => errors.Count switch
    {
        0 => "Invalid content.",
        1 => errors[0].ToString(),
        _ => $"{errors[0]} (and {errors.Count - 1} more)",
    };
}
