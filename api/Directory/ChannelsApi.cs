using Escalation.Api.Audit;
using Escalation.Api.Problems;
using Escalation.Api.Auth;
using Escalation.Directory;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Directory;

internal static class ChannelsApi
{
    public const int MinimumSecretLength = 8;

    /// <summary>A channel as GET shows it: never with its secret.</summary>
    public sealed record ChannelView(string Name, string Team, string? OutboundUrl);

    /// <summary><see cref="OutboundUrl"/>: where responses on the channel's complaints are delivered (absolute http or https; null: nowhere).</summary>
    public sealed record PutChannelRequest(string? Secret, string? Team, string? OutboundUrl = null);

    public static IEndpointRouteBuilder MapChannelsApi(this IEndpointRouteBuilder app)
    {
        var channels = app.MapGroup("/api/channels").RequireAuthorization(Policies.Admin).WithTags("Channels");
        channels.MapGet("/", GetChannels).WithSummary("Lists the connector channels, without their secrets (admin).");
        channels.MapPut("/{name}", PutChannel)
            .WithSummary("Creates a channel or rotates its secret, team and outbound address (responses are delivered there, signed with the secret); takes effect on the next request (admin).");
        return app;
    }

    private static async Task<Ok<ChannelView[]>> GetChannels(IClusterClient cluster) =>
        TypedResults.Ok((await cluster.GetGrain<IDirectoryGrain>(0).GetChannels()).Select(c => new ChannelView(c.Name, c.Team, c.OutboundUrl)).ToArray());

    private static async Task<Results<Created<ChannelView>, Ok<ChannelView>, ValidationProblem>> PutChannel(
        string name, PutChannelRequest request, HttpContext http, IClusterClient cluster)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Names.IsValid(name))
        {
            errors["name"] = [$"A channel name is {Names.Rule}."];
        }

        if (request.Secret is not { Length: >= MinimumSecretLength })
        {
            errors["secret"] = [$"secret is required, at least {MinimumSecretLength} characters."];
        }

        if (!Names.IsValid(request.Team))
        {
            errors["team"] = [$"team is required: {Names.Rule}."];
        }

        if (request.OutboundUrl is { } outbound && !(outbound.Length <= 2_000 && Uri.TryCreate(outbound, UriKind.Absolute, out var address)
                && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp) && string.IsNullOrEmpty(address.UserInfo)))
        {
            errors["outboundUrl"] = ["outboundUrl must be an absolute http or https address (at most 2,000 characters, no user info), or null."];
        }

        if (errors.Count > 0)
        {
            return ProblemExtensions.Invalid(errors);
        }

        var view = new ChannelView(name, request.Team!, request.OutboundUrl);
        var created = await cluster.GetGrain<IDirectoryGrain>(0).PutChannel(new ChannelRecord(name, request.Secret!, request.Team!, request.OutboundUrl));
        await http.Audit(created ? "channel.created" : "channel.updated", name, $"team={view.Team}, outbound={view.OutboundUrl ?? "none"}, secret set");
        return created
            ? TypedResults.Created($"/api/channels/{name}", view)
            : TypedResults.Ok(view);
    }
}
