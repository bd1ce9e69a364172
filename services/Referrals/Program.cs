using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Referrals.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(new ServiceDescription(ReferralsServiceSetup.ServiceName, ReferralsServiceSetup.BasePath, "1.0.0",
    "Verwijzingen")
{
    Description = "NPD-organisaties en hun verwijsprofielen, het dichtstbijzijnde IDO, en verwijzingen met een korte code.",
});
builder.Services.AddReferrals(builder.Configuration);

var app = builder.Build();
app.UseServiceDefaults();
app.MapReferralsApi();
app.Run();

public partial class Program;
