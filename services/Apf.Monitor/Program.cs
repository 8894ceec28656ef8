using Apf.Factory.Hosting;
using Apf.Factory.Pilots;
using Apf.Monitoring;
using Serilog;
using Serilog.Events;

// The Monitor service: watches decisions, submissions and pilot reports on the bus (RabbitMQ in a
// deployment) and serves the page, the JSON API, /metrics, and the endpoint pilots report to.
// Settings: Apf:Bus:* (transport, RabbitMqUri, EndpointPrefix), Apf:Monitor:* (see MonitorOptions),
// urls (default http://127.0.0.1:8080); from appsettings.json, APF__BUS__RABBITMQURI-style
// environment variables, or --Apf:Bus:Transport=RabbitMq arguments.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddSerilog(new LoggerConfiguration()
    .MinimumLevel.Information()
    .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
    .MinimumLevel.Override("MassTransit", LogEventLevel.Warning)
    .WriteTo.Console()
    .CreateLogger());
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
    builder.WebHost.UseUrls("http://127.0.0.1:8080");

var bus = builder.Configuration.GetSection(BusOptions.Section).Get<BusOptions>() ?? new BusOptions();
var problems = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(bus, new(bus), problems, validateAllProperties: true))
{
    foreach (var problem in problems) Console.Error.WriteLine($"error: {problem.ErrorMessage}");
    return 1;
}

builder.Services.AddApfFactory(FactoryRoles.Observer, bus);
builder.Services.AddApfMonitoring(o => builder.Configuration.GetSection(MonitorOptions.Section).Bind(o));

var app = builder.Build();
app.MapPilotEvents();
app.MapApfMonitor();
await app.RunAsync();
return 0;
