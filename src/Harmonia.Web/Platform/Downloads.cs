using Harmonia.App.Common;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Harmonia.Web.Platform;

/// <summary>The one way a generated file is sent, by the API and by the pages alike.</summary>
public static class Downloads
{
    public static FileContentHttpResult File(GeneratedFile file) => TypedResults.File(file.Content, file.ContentType, file.FileName);
}
