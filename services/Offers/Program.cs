using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(new ServiceDescription(OffersServiceSetup.ServiceName, OffersServiceSetup.BasePath, "1.0.0", "Aanbod")
{
    Description = "Bibliotheekorganisaties, hun locaties met een Informatiepunt Digitale Overheid, en hun aanbod (G!DS): zoeken op afstand.",
});
builder.Services.AddOffers(builder.Configuration);

var app = builder.Build();
app.UseServiceDefaults();
app.MapOffersApi();
app.Run();

public partial class Program;
