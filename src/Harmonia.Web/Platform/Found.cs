using Harmonia.App.Common;

namespace Harmonia.Web.Platform;

/// <summary>For pages that say "this organization has no such record" themselves instead of answering 404.</summary>
public static class Found
{
    public static async Task<T?> OrNullAsync<T>(Task<T> load)
        where T : class
    {
        try
        {
            return await load;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
