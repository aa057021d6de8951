using Escalation.Api.Analytics;
using Escalation.Api.Audit;
using Escalation.Api.Auth;
using Escalation.Api.Cluster;
using Escalation.Api.Complaints;
using Escalation.Api.Connectors;
using Escalation.Api.Console;
using Escalation.Api.Customers;
using Escalation.Api.Directory;
using Escalation.Api.Escalations;
using Escalation.Api.Http;
using Escalation.Api.Improvements;
using Escalation.Api.Nps;
using Escalation.Api.Problems;
using Escalation.Api.Sla;
using Escalation.Api.Telemetry;
using Escalation.Api.Triage;

var builder = WebApplication.CreateBuilder(args);

// Configure security, then the cluster client (refusing a durable profile whose database is unreachable)
builder.AddEscalationAuth();
builder.RequireReachableDatabase();
builder.AddClusterClient();
builder.AddHttpConventions();
builder.AddProblems();
builder.AddRateLimits();
builder.AddTelemetry();
builder.AddTracing();
builder.AddConsoleHub();

var app = builder.Build();

// Configure the pipeline
app.UseSecurityHeaders();
app.UseResponseCompression();
app.UseProblems();
app.UseWebConsole();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

// Map the endpoints
app.MapHealthEndpoints();
app.MapTelemetry();
app.MapApiReference();
app.MapEscalationDashboard();
app.MapAuthApi();
app.MapUsersApi();
app.MapChannelsApi();
app.MapTeamsApi();
app.MapRoutingApi();
app.MapEscalationApi();
app.MapConnectorsApi();
app.MapComplaintsApi();
app.MapCustomersApi();
app.MapSlaApi();
app.MapPolicySetsApi();
app.MapGuidanceApi();
app.MapNpsApi();
app.MapAnalyticsApi();
app.MapReportsApi();
app.MapImprovementsApi();
app.MapAuditApi();
app.MapConsoleHub();

app.Run();
