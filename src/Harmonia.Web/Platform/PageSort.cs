using Harmonia.App.Common;

namespace Harmonia.Web.Platform;

internal static class PageSort
{
    /// <summary>
    /// A page's sort from its address: an unknown column falls back to the default order instead of failing the page,
    /// since an old bookmark should still open the register (the API refuses it, naming the columns).
    /// </summary>
    public static SortOrder Of(string? sort, IEnumerable<string> columns, SortOrder fallback)
    {
        try
        {
            return SortOrder.Parse(sort, columns.ToArray(), fallback);
        }
        catch (InvalidInputException)
        {
            return fallback;
        }
    }
}
