using System.CommandLine;
using Harmonia.App.Common;

namespace Harmonia.Cli;

internal static class OrganizationOption
{
    public static Option<string> Create(string description) => new("--org") { Description = description, Required = true };

    public static Guid Parse(string value) =>
        Guid.TryParse(value, out var id) ? id : throw new InvalidInputException($"'{value}' is not an organization id (see 'harmonia org list').");
}
