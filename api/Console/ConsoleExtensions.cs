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
        builder.Services.AddSingleton<ConsoleSessions>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ConsoleSessions>());
        return builder;
    }

    public static WebApplication MapConsoleHub(this WebApplication app)
    {
        // An expired token ends its connection too, not only its next request.
        app.MapHub<ConsoleHub>(ConsoleHub.Path, options => options.CloseOnAuthenticationExpiration = true);
        return app;
    }
}
