using Escalation.Api.Json;

namespace Escalation.Api.Console;

internal static class ConsoleExtensions
{
    public static WebApplicationBuilder AddConsoleHub(this WebApplicationBuilder builder)
    {
        builder.Services.AddSignalR().AddJsonProtocol(options => JsonSetup.Apply(options.PayloadSerializerOptions));
        builder.Services.Configure<PresenceOptions>(builder.Configuration.GetSection(PresenceOptions.SectionName));
        builder.Services.AddSingleton<ConsolePresence>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ConsolePresence>());
        builder.Services.AddSingleton<ComplaintEventBridge>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ComplaintEventBridge>());
        return builder;
    }

    public static WebApplication MapConsoleHub(this WebApplication app)
    {
        app.MapHub<ConsoleHub>(ConsoleHub.Path);
        return app;
    }
}
