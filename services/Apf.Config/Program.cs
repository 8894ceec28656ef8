using Apf.Config.Hosting;
using Apf.Plugins.All;

var builder = WebApplication.CreateBuilder(args);
// Queue content is validated against the plugins the factory really has.
builder.Services.AddSingleton(PluginCatalogs.Default());
builder.AddConfigService();

var app = builder.Build();
app.MapConfigService();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
