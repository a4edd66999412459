namespace Harmonia.App.Common;

/// <summary>A page of a list: every list in the API is paged.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int Pages => Total == 0 ? 0 : ((Total - 1) / PageSize) + 1;
}

public sealed record PageRequest(int PageNumber = 1, int PageSize = PageRequest.DefaultSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public int Skip => (PageNumber - 1) * PageSize;

    public static PageRequest Of(int? page, int? pageSize)
    {
        var request = new PageRequest(page ?? 1, pageSize ?? DefaultSize);
        if (request.PageNumber < 1 || request.PageNumber > 1_000_000)
        {
            throw new InvalidInputException("page must be a number from 1.");
        }

        if (request.PageSize is < 1 or > MaxSize)
        {
            throw new InvalidInputException($"pageSize must be from 1 to {MaxSize}.");
        }

        return request;
    }
}
