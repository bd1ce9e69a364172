using IdoPlatform.Web.Library;

namespace IdoPlatform.Web.Pages.Beheer;

/// <summary>The organisation's locations (closed ones too) and offers (drafts and withdrawn ones too).</summary>
public sealed class IndexModel(LibraryReads reads) : BeheerPage
{
    public Loaded<IReadOnlyList<AdminLocationDto>> Locations { get; private set; } = new(null, null, 0, null);
    public Loaded<IReadOnlyList<OfferDto>> Offers { get; private set; } = new(null, null, 0, null);
    public IReadOnlyList<OfferTypeDto> OfferTypes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Locations = await reads.LocationsAsync(Organisation, Aborted);
        Offers = await reads.OffersAsync(Organisation, Aborted);
        OfferTypes = await reads.OfferTypesAsync(Aborted);
    }

    public string TypeName(string code) => OfferTypes.FirstOrDefault(t => t.Code == code)?.Name ?? code;
}
