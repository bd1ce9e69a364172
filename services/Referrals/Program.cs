using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Referrals;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(ReferralsSetup.Description);
builder.AddReferrals();

var app = builder.Build();
app.UseServiceDefaults();
app.MapGroup(ReferralsApi.BasePath).MapReferralsApi();
app.Run();

public partial class Program;
