namespace Harmonia.App.Common;

/// <summary>Input a person can fix (an unknown framework, a bad option value); hosts show the message as it is.</summary>
public sealed class HarmoniaInputException : Exception
{
    public HarmoniaInputException(string message)
        : base(message)
    {
    }

    public HarmoniaInputException()
    {
    }

    public HarmoniaInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public static HarmoniaInputException UnknownFramework(string id, IEnumerable<string> known) =>
        new($"Unknown framework '{id}'. Known frameworks: {string.Join(", ", known)}.");
}
