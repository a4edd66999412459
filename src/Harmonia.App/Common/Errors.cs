namespace Harmonia.App.Common;

/// <summary>
/// The errors a handler throws instead of returning null or false. Each host maps them once: the API to problem
/// details (Web/Platform/Problems.cs), the pages to a message beside the form (Web/Platform/PageForms.cs), the CLI to one
/// line on stderr and exit code 1 (Cli/CliContext.cs). The message is for a person and is shown as it is.
/// </summary>
public abstract class HarmoniaException(string message) : Exception(message);

/// <summary>No such record in this organization (HTTP 404). Another organization's record is reported the same way.</summary>
public sealed class NotFoundException(string record, object? id = null, string? message = null)
    : HarmoniaException(message ?? (id is null ? $"The organization has no such {record}." : $"The organization has no {record} '{id}'."))
{
    /// <summary>An organization id that is unknown or not the caller's: both read the same, so ids cannot be probed.</summary>
    public static NotFoundException Organization(Guid id) => new("organization", id, $"No organization {id} (or it is not yours).");

    /// <summary>What was looked for, in a person's words ("AI system", "nonconformity").</summary>
    public string Record { get; } = record;
}

/// <summary>Input a person can fix, as one message or as messages per field (HTTP 400); nothing was changed.</summary>
public sealed class InvalidInputException : HarmoniaException
{
    public InvalidInputException(string message)
        : base(message) => Errors = new Dictionary<string, string[]>();

    public InvalidInputException(IReadOnlyDictionary<string, string[]> errors)
        : base(string.Join(" ", errors.SelectMany(e => e.Value))) => Errors = errors;

    /// <summary>Messages per field; empty when the whole input is wrong in one way (see <see cref="Exception.Message"/>).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static InvalidInputException UnknownFramework(string id, IEnumerable<string> known) =>
        new($"Unknown framework '{id}'. Known frameworks: {string.Join(", ", known)}.");
}

/// <summary>A change that lost a race: the client's version is not the stored one (HTTP 412).</summary>
public sealed class VersionConflictException(int current, string record = "control")
    : HarmoniaException($"The {record} was changed by someone else (now at version {current}); reload it and apply your change again.")
{
    public int CurrentVersion { get; } = current;
}

/// <summary>A key or other unique value already in use (HTTP 409 everywhere, see ADR 0012).</summary>
/// <param name="field">The form field that holds the value, so a page can put the message beside it.</param>
public sealed class DuplicateException(string message, string? field = null) : HarmoniaException(message)
{
    public string? Field { get; } = field;
}

/// <summary>Input over a configured size limit (HTTP 413); nothing was read further and nothing changed.</summary>
public sealed class InputTooLargeException(string what, long limitBytes)
    : HarmoniaException($"{what} is larger than the limit of {InputLimits.Describe(limitBytes)}; nothing was changed.")
{
    public long LimitBytes { get; } = limitBytes;
}

/// <summary>A configured limit stops the request, e.g. how many organizations one account may have (HTTP 409).</summary>
public sealed class LimitReachedException(string message) : HarmoniaException(message);
