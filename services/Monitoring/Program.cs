using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Monitoring;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(MonitoringSetup.Description);
builder.AddMonitoring();

var app = builder.Build();
app.UseServiceDefaults();
app.MapGroup(MonitoringApi.BasePath).MapMonitoringApi();
app.Run();

public partial class Program;
