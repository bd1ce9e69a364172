using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>
/// Keyset paging for long lists in newest-first order: <c>pageSize</c> (default 20, at most 100) and an opaque
/// <c>cursor</c> taken from the previous page's <c>next</c> link. Each page costs the same however deep it is (no
/// OFFSET) and no total is counted. <c>page</c> is refused (400), so a client written for page numbers notices.
/// <code>
/// group.MapGet("/visits", async (KeysetPageRequest paging, HttpContext http, ...) =>
/// {
///     var rows = await query(paging.After, paging.PageSize + 1); // one extra row says whether a next page exists
///     return paging.Result(http, rows, row => new KeysetPosition(row.At, row.Id), row => row.Item);
/// });
/// </code></summary>
public sealed record KeysetPageRequest(KeysetPosition? After, int PageSize)
{
    public const string CursorParameter = "cursor";

    public static ValueTask<KeysetPageRequest> BindAsync(HttpContext http)
    {
        var v = new Validator();
        var query = http.Request.Query;
        if (query.ContainsKey("page"))
            v.Add("page", InvalidParamCodes.NotAllowed, "Deze lijst bladert met een cursor: volg de next-link.");
        KeysetPosition? after = null;
        if (query.TryGetValue(CursorParameter, out var raw))
        {
            if (raw.Count == 1 && KeysetPosition.TryDecode(raw.ToString(), out var position)) after = position;
            else v.Add(CursorParameter, InvalidParamCodes.Invalid, "Onbekende cursor: neem hem over uit de next-link.");
        }
        var pageSize = PageRequest.DefaultPageSize;
        if (query.TryGetValue("pageSize", out var size))
        {
            if (size.Count > 1 || !int.TryParse(size.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out pageSize))
            {
                v.Add("pageSize", InvalidParamCodes.Invalid, "Verwacht een geheel getal.");
                pageSize = PageRequest.DefaultPageSize;
            }
            else v.Range("pageSize", pageSize, 1, PageRequest.MaxPageSize);
        }
        v.ThrowIfInvalid();
        return ValueTask.FromResult(new KeysetPageRequest(after, pageSize));
    }

    /// <summary>A 200 with the page: at most <see cref="PageSize"/> of <paramref name="rows"/> (read one more to know
    /// whether a next page exists), each shown as <paramref name="item"/> makes it, a <c>next</c> link when there is
    /// more, and the same as RFC 8288 <c>Link</c> header (first, next).</summary>
    public Ok<KeysetPage<T>> Result<TRow, T>(HttpContext http, IReadOnlyList<TRow> rows, Func<TRow, KeysetPosition> positionOf,
        Func<TRow, T> item)
    {
        var more = rows.Count > PageSize;
        var shown = more ? rows.Take(PageSize).ToList() : rows;
        var first = PageLinks.Relative(http.Request, ("pageSize", Text(PageSize)));
        var next = more
            ? PageLinks.Relative(http.Request, (CursorParameter, positionOf(shown[^1]).Encode()), ("pageSize", Text(PageSize)))
            : null;
        http.Response.Headers.Link = next is null
            ? $"<{first}>; rel=\"first\""
            : $"<{first}>; rel=\"first\", <{next}>; rel=\"next\"";
        return TypedResults.Ok(new KeysetPage<T>(shown.Select(item).ToList(), PageSize, next));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>One page of a keyset-paged collection; <see cref="Next"/> (a relative link) is absent on the last page.</summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, int PageSize, string? Next);
