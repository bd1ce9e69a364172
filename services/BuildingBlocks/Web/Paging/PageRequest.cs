using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>The <c>page</c> and <c>pageSize</c> query parameters (1-based, default 1 and 20, page size at
/// most 100). Take it as an endpoint parameter; bad values are a 400 naming each of them. Our OpenAPI
/// set-up documents both parameters on every endpoint that takes one.
/// <code>
/// group.MapGet("/visits", async (PageRequest paging, HttpContext http, ...) =>
/// {
///     var (items, total) = await query(paging.Offset, paging.PageSize); // deterministic order!
///     return paging.Result(http, items, total);
/// });
/// </code></summary>
public sealed record PageRequest(int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>Rows to skip.</summary>
    public int Offset => (Page - 1) * PageSize;

    public static PageRequest First { get; } = new(1, DefaultPageSize);

    public static ValueTask<PageRequest> BindAsync(HttpContext http)
    {
        var v = new Validator();
        var page = Read(http, "page", 1, int.MaxValue / MaxPageSize, v);
        var pageSize = Read(http, "pageSize", DefaultPageSize, MaxPageSize, v);
        v.ThrowIfInvalid();
        return ValueTask.FromResult(new PageRequest(page, pageSize));
    }

    /// <summary>A 200 with the page as body, a <c>Link</c> header (RFC 8288: first, prev, next, last)
    /// and the total in <c>X-Total-Count</c>.</summary>
    public Ok<Paged<T>> Result<T>(HttpContext http, IReadOnlyList<T> items, long totalItems)
    {
        var lastPage = (int)Math.Max(1, (totalItems + PageSize - 1) / PageSize);
        http.Response.Headers.Link = PageLinks.Build(http.Request, this, lastPage);
        http.Response.Headers[ApiHeaders.TotalCount] = totalItems.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Ok(new Paged<T>(items, Page, PageSize, totalItems, lastPage));
    }

    private static int Read(HttpContext http, string name, int fallback, int max, Validator v)
    {
        var raw = http.Request.Query[name];
        if (raw.Count == 0) return fallback;
        if (raw.Count > 1 || !int.TryParse(raw.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            v.Add(name, InvalidParamCodes.Invalid, "Verwacht een geheel getal.");
            return fallback;
        }
        v.Range(name, value, 1, max);
        return value;
    }
}

/// <summary>One page of a collection; <see cref="TotalPages"/> is at least 1.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalItems, int TotalPages);
