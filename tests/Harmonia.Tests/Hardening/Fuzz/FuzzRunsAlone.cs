namespace Harmonia.Tests.Hardening.Fuzz;

/// <summary>
/// The fuzz runs read the managed heap and time each case; alone (not beside the other test classes) the numbers
/// they report are theirs and not those of a browser test running at the same moment.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FuzzRunsAlone
{
    public const string Name = "Fuzz";
}
