using Apf.Config.Hosting;

var builder = WebApplication.CreateBuilder(args);
// The factory's plugin catalog (scheduler, status and submit plugins) must be registered here, before
// AddConfigService, so queue content is validated against the plugins the factory really has.
builder.AddConfigService();

var app = builder.Build();
app.MapConfigService();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
