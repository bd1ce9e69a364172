using IdoPlatform.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddWebPages();

var app = builder.Build();
app.UseWebPages();
app.Run();

public partial class Program;
