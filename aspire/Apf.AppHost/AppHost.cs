// The Apf system, as it runs.
//
//   wmsstatus ──┐                                   ┌── submitter ×3 ──► batch system (pilots)
//               ├──► messaging (RabbitMQ) ◄── scheduler ─┘
//   batchstatus ┘          ▲                                     monitor (web): events, queues, decisions
//                          │
//   config (HTTP API) ─────┘ ◄── apfconfig (MongoDB)
//
// Status services publish what they observe, the scheduler decides per queue and cycle, submitters apply
// SubmitPilots commands (several replicas share one queue: each command is applied exactly once), the config
// service owns the queue configuration and announces changes, the monitor shows it all.

var builder = DistributedApplication.CreateBuilder(args);

// Infrastructure
var messaging = builder.AddRabbitMQ(ResourceNames.Messaging)
    .WithManagementPlugin()
    .WithDataVolume();

var apfconfig = builder.AddMongoDB(ResourceNames.Mongo)
    .WithDataVolume()
    .AddDatabase(ResourceNames.ApfConfig);

// Writes to the configuration need a key (header X-Api-Key); the value comes from user secrets or
// Parameters__config-api-key, never from this file.
var configApiKey = builder.AddParameter("config-api-key", secret: true);

// Configuration
var config = builder.AddService<Projects.Apf_Config>(ResourceNames.Config)
    .WithReference(apfconfig)
    .WaitFor(apfconfig)
    .OnTheBus(messaging)
    .WithEnvironment("ConfigService__ApiKeys__0__Name", "operator")
    .WithEnvironment("ConfigService__ApiKeys__0__Key", configApiKey)
    .Probed();

// Observation
builder.AddService<Projects.Apf_WmsStatus>(ResourceNames.WmsStatus)
    .OnTheBus(messaging)
    .ConfiguredBy(config)
    .Probed();

builder.AddService<Projects.Apf_BatchStatus>(ResourceNames.BatchStatus)
    .OnTheBus(messaging)
    .ConfiguredBy(config)
    .Probed();

// Decision
builder.AddService<Projects.Apf_Scheduler>(ResourceNames.Scheduler)
    .OnTheBus(messaging)
    .ConfiguredBy(config)
    .Probed();

// Action: competing consumers of one command queue.
builder.AddService<Projects.Apf_Submitter>(ResourceNames.Submitter)
    .WithReplicas(3)
    .OnTheBus(messaging)
    .ConfiguredBy(config)
    .Probed();

// View
builder.AddService<Projects.Apf_Monitor>(ResourceNames.Monitor)
    .OnTheBus(messaging)
    .ConfiguredBy(config)
    .WithExternalHttpEndpoints()
    .Probed();

builder.Build().Run();
