using Escalation.Cluster;
using Orleans.Dashboard;

namespace Escalation.Api.Auth;

/// <summary>
/// The Orleans Dashboard at <c>/dashboard</c>, for admins only, when <see cref="DashboardSwitch"/> is on (404 otherwise;
/// the silos need the same switch for its data). A browser opens it once with
/// <c>?access_token=</c>; the token is then kept in an HttpOnly cookie scoped to the dashboard, so that the
/// dashboard's own requests are authorised too.
/// </summary>
internal static class DashboardExtensions
{
    public const string Path = "/dashboard";
    public const string TokenCookie = "escalation_dashboard_token";

    public static IClientBuilder AddEscalationDashboard(this IClientBuilder client) => client.AddDashboard();

    public static WebApplication MapEscalationDashboard(this WebApplication app)
    {
        if (!DashboardSwitch.IsOn(app.Configuration))
        {
            return app;
        }

        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(Path) && context.Request.Query["access_token"].FirstOrDefault() is { } token)
            {
                context.Response.Cookies.Append(TokenCookie, token, new CookieOptions
                {
                    Path = Path,
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = context.Request.IsHttps,
                });
            }

            await next(context);
        });
        app.MapOrleansDashboard(routePrefix: Path).RequireAuthorization(Policies.Admin);
        return app;
    }
}
