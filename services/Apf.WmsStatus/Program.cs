using Apf.Factory.Hosting;
using Apf.ServiceDefaults;
using Apf.Services.Hosting;

// The WmsStatus role alone, on the broker of Apf:Bus (or ConnectionStrings:messaging); see docs/services.md.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApfService(FactoryRoles.WmsStatus);

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
