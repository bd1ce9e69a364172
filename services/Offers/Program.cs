using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(OffersSetup.Description);
builder.AddOffers();

var app = builder.Build();
app.UseServiceDefaults();
app.MapGroup(OffersApi.BasePath).MapOffersApi();
app.Run();

public partial class Program;
