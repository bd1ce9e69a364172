namespace IdoPlatform.Gateway.Edge;

/// <summary>Where the Swagger UI lives: <c>/docs</c> and the files below it.</summary>
internal static class DocsPaths
{
    public const string RoutePrefix = "docs";
    public static readonly PathString Root = "/" + RoutePrefix;

    public static bool IsDocs(PathString path) => path.StartsWithSegments(Root);
}
