using Harmonia.App.Common;

namespace Harmonia.Cli;

internal static class InputFile
{
    /// <summary>Reads a file named on the command line; every failure becomes one readable message.</summary>
    public static string Read(string path)
    {
        if (Directory.Exists(path))
        {
            throw new InvalidInputException($"'{path}' is a folder, not a file.");
        }

        if (!File.Exists(path))
        {
            throw new InvalidInputException($"Cannot read '{path}': no such file.");
        }

        try
        {
            return BoundedText.ReadFile(path, InputLimits.Default.MaxTextBytes, $"'{path}'");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidInputException($"Cannot read '{path}': {ex.Message}");
        }
    }
}
