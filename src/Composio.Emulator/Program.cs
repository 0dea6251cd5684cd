using System.Net;
using Composio.Emulator.Auth;
using Composio.Emulator.Catalog;
using Composio.Emulator.Endpoints;
using Composio.Emulator.Errors;
using Composio.Emulator.Faults;
using Composio.Emulator.Http;
using Composio.Emulator.Options;
using Composio.Emulator.Requests;
using Composio.Emulator.State;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using System.Text.Json.Nodes;

// Everything that can be wrong on the command line or in the input files fails here, before
// the server starts, with exit code 2 and a message on stderr.
EmulatorOptions options;
ToolkitCatalog catalog;
var faults = new FaultStore();
try
{
    options = EmulatorOptions.Parse(args);
    var records = CatalogLoader.LoadEmbedded();
    foreach (var file in options.CatalogFiles)
    {
        records.AddRange(CatalogLoader.LoadFile(file));
    }
    catalog = new ToolkitCatalog(records);
    foreach (var file in options.FaultFiles)
    {
        var root = JsonNode.Parse(File.ReadAllText(file));
        faults.AddRange(AdminEndpoints.ParseRules(root is JsonObject obj ? obj["rules"] : root));
    }
}
catch (Exception ex) when (ex is ArgumentException or IOException or InvalidDataException or ApiException or System.Text.Json.JsonException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"Composio.Emulator: {ex.Message}");
    return 2;
}

var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = Array.Empty<string>() });
// The only console output is our own "Now listening on:" line, easy for test fixtures to find.
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(IPAddress.Loopback, options.Port);
    kestrel.AddServerHeader = false;
});
// Tests kill the process or send SIGTERM; do not let an in-flight latency fault hold shutdown up.
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));

var store = new AuthConfigStore();
var log = new RequestLog();
var view = new AuthConfigView(catalog);

var app = builder.Build();

// Order matters: log (sees everything, incl. faults) → faults → error body conversion → API key.
app.Use(next => new RequestLogMiddleware(next, log).InvokeAsync);
app.Use(next => new FaultMiddleware(next, faults).InvokeAsync);
app.Use(next => new ErrorMiddleware(next).InvokeAsync);
app.Use(next => new ApiKeyMiddleware(next, options).InvokeAsync);

var authConfigs = new AuthConfigEndpoints(store, catalog, view, options.LossyPageLimit);
var toolkits = new ToolkitEndpoints(catalog);
var toolkitScopes = new ToolkitScopeEndpoints(catalog);
var toolScopes = new ToolScopeEndpoints(catalog);
var tools = new ToolEndpoints(catalog);
foreach (var version in ApiVersion.All)
{
    authConfigs.Map(app, version);
    toolkits.Map(app, version);
    toolkitScopes.Map(app, version);
    toolScopes.Map(app, version);
    tools.Map(app, version);
}
new AdminEndpoints(store, log, faults, catalog).Map(app);
app.MapFallback("{**path}", ctx => ApiError.WriteAsync(ctx, StatusCodes.Status404NotFound, ApiError.Slugs.NotFound,
    $"No route for {ctx.Request.Method} {ctx.Request.Path}"));

await app.StartAsync();

var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
var port = address is null ? options.Port : new Uri(address).Port;
Console.Out.WriteLine($"Now listening on: http://127.0.0.1:{port}");
Console.Out.Flush();

await app.WaitForShutdownAsync();
return 0;
