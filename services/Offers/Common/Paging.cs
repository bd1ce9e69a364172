using IdoPlatform.BuildingBlocks.Web;

namespace IdoPlatform.Offers.Common;

/// <summary>
/// Reads page and pageSize among a search's other parameters, so one 400 names every bad one
/// (the shared <see cref="PageRequest"/> binder would stop before the others are checked).
/// </summary>
public static class Paging
{
    public static PageRequest Read(Validator v, int? page, int? pageSize)
    {
        var pageOk = v.Range("page", page, 1, int.MaxValue / PageRequest.MaxPageSize);
        var sizeOk = v.Range("pageSize", pageSize, 1, PageRequest.MaxPageSize);
        return new PageRequest(pageOk ? page ?? 1 : 1, sizeOk ? pageSize ?? PageRequest.DefaultPageSize : PageRequest.DefaultPageSize);
    }
}
