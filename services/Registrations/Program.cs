using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Registrations;
using IdoPlatform.Registrations.CodeLists;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(RegistrationsSetup.Description);
builder.AddRegistrations();

var app = builder.Build();
app.Services.GetRequiredService<CodeListCatalogue>(); // fail fast on bad seeds
app.UseServiceDefaults();
app.MapGroup(RegistrationsApi.BasePath).MapRegistrationsApi();
app.Run();

public partial class Program;
