namespace Harmonia.App.Common;

/// <summary>A change that lost a race: the client's version is not the stored one (HTTP 412).</summary>
public sealed class VersionConflictException(int current, string record = "control")
    : Exception($"The {record} was changed by someone else (now at version {current}); reload it and apply your change again.")
{
    public int CurrentVersion { get; } = current;
}

/// <summary>A key or other unique value already in use (HTTP 409).</summary>
public sealed class DuplicateException(string message) : Exception(message);
