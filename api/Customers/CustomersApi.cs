using Escalation.Api.Audit;
using Escalation.Api.Auth;
using Escalation.Api.Problems;
using Escalation.Complaints;
using Escalation.Customers;
using Escalation.Nps;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Escalation.Api.Customers;

internal static class CustomersApi
{
    /// <summary>Everything kept about a customer: the profile, each complaint with its timeline, the NPS answers.</summary>
    public sealed record CustomerExport(CustomerProfile Customer, IReadOnlyList<ComplaintDetails> Complaints, IReadOnlyList<NpsAnswer> NpsAnswers);

    /// <summary><see cref="Other"/>: the customer id to merge into this one.</summary>
    public sealed record MergeRequest(string? Other);

    public static IEndpointRouteBuilder MapCustomersApi(this IEndpointRouteBuilder app)
    {
        var customers = app.MapGroup("/api/customers").WithTags("Customers");
        customers.MapGet("/{id}", Get)
            .RequireAuthorization(Policies.Agent)
            .WithSummary("A customer's complaints and whether their dissatisfaction is one-off or persistent (agents, supervisors: a customer with a complaint in their team). The id is URL-encoded.");
        customers.MapPost("/{id}/merge", Merge)
            .RequireAuthorization(Policies.Supervisor)
            .WithSummary("Makes another customer id one customer with this one: history, counts and persistent dissatisfaction span both from then on, and either id shows the merged customer (supervisor of a team both have complaints in, manager, admin). Merging ids that are already one answers the customer again.");
        customers.MapGet("/{id}/suggested-merges", SuggestedMerges)
            .RequireAuthorization(Policies.Supervisor)
            .WithSummary("Customer ids not merged with this one that share an e-mail address or phone number with it (supervisor, manager, admin). Suggestions only: a person decides.");
        customers.MapGet("/{id}/export", Export)
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Everything stored about the customer: the profile, every complaint with its timeline, the NPS answers (admin).");
        customers.MapDelete("/{id}", Erase)
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Erases the customer's personal data: the name and every text of their complaints, messages, the responses and notes on them, and NPS comments become \"[erased]\", and a random pseudonym (\"erased:…\") replaces the id wherever it was kept; nothing is kept under the id afterwards (404). Counts, deadlines and analytics stay, under the pseudonym (admin). A request that failed half-way is completed by repeating it.");
        return app;
    }

    /// <remarks>
    /// A customer the caller may not see is answered exactly as one that does not exist (404, same detail), so that
    /// other teams learn nothing of who complained where.
    /// </remarks>
    private static async Task<Results<Ok<CustomerProfile>, ProblemHttpResult>> Get(string id, HttpContext http, IClusterClient cluster)
    {
        id = Key(id);
        var profile = await cluster.GetGrain<ICustomerGrain>(id).GetProfile();
        return Exists(profile) && await MaySee(ConsoleUser.From(http.User), profile, cluster) ? TypedResults.Ok(profile) : NotFound(id);
    }

    private static async Task<Results<Ok<CustomerProfile>, ValidationProblem, ProblemHttpResult>> Merge(
        string id, MergeRequest request, HttpContext http, IClusterClient cluster)
    {
        id = Key(id);
        var user = ConsoleUser.From(http.User);
        var profile = await cluster.GetGrain<ICustomerGrain>(id).GetProfile();
        if (!Exists(profile) || !await MaySee(user, profile, cluster))
        {
            return NotFound(id);
        }

        if (string.IsNullOrWhiteSpace(request.Other))
        {
            return ProblemExtensions.Invalid("other", "other is required: the customer id to merge into this one.");
        }

        var other = await cluster.GetGrain<ICustomerGrain>(request.Other).GetProfile();
        if (!Exists(other) || !await MaySee(user, other, cluster))
        {
            return NotFound(request.Other);
        }

        if (profile.Ids.Contains(request.Other))
        {
            return TypedResults.Ok(profile);
        }

        var merged = await cluster.GetGrain<ICustomerGrain>(id).Merge(request.Other);
        await http.Audit("customer.merged", merged.Id, $"{string.Join(", ", other.Ids)} into {string.Join(", ", profile.Ids)}");
        return TypedResults.Ok(merged);
    }

    private static async Task<Results<Ok<IReadOnlyList<string>>, ProblemHttpResult>> SuggestedMerges(string id, HttpContext http, IClusterClient cluster)
    {
        id = Key(id);
        var customer = cluster.GetGrain<ICustomerGrain>(id);
        var profile = await customer.GetProfile();
        return Exists(profile) && await MaySee(ConsoleUser.From(http.User), profile, cluster)
            ? TypedResults.Ok(await customer.SuggestedMerges())
            : NotFound(id);
    }

    private static async Task<Results<Ok<CustomerExport>, ProblemHttpResult>> Export(string id, IClusterClient cluster)
    {
        id = Key(id);
        var profile = await cluster.GetGrain<ICustomerGrain>(id).GetProfile();
        if (!Exists(profile))
        {
            return NotFound(id);
        }

        var complaints = await Task.WhenAll(Complaints(profile).Select(complaint => cluster.GetGrain<IComplaintGrain>(complaint).GetDetails().AsTask()));
        var logs = await cluster.GetGrain<ICustomerGrain>(id).NpsLogs();
        var answers = await Task.WhenAll(logs.SelectMany(log => profile.Ids.Select(customer => cluster.GetGrain<INpsGrain>(log).AnswersOf(customer).AsTask())));
        return TypedResults.Ok(new CustomerExport(profile, [.. complaints.OfType<ComplaintDetails>()], [.. answers.SelectMany(kept => kept).OrderBy(answer => answer.At)]));
    }

    /// <remarks>
    /// The customer's record hands over to the pseudonym first, so that complaints resolved while they are renamed update
    /// it; then each complaint and NPS log is erased; then the pseudonym's open complaints are set from the complaints
    /// themselves (one resolved between the hand-over and its renaming told the old record); last the id's record is
    /// forgotten, under every id merged into the customer. Each part is idempotent: an erasure that fails half-way (503) is completed by repeating the request,
    /// and the audit log records it, under the pseudonym, once it has completed.
    /// </remarks>
    private static async Task<Results<NoContent, ProblemHttpResult>> Erase(string id, HttpContext http, IClusterClient cluster)
    {
        id = Key(id);
        var profile = await cluster.GetGrain<ICustomerGrain>(id).GetProfile();
        if (!Exists(profile))
        {
            return NotFound(id);
        }

        var actor = ConsoleUser.From(http.User).Username;
        var customer = cluster.GetGrain<ICustomerGrain>(id);
        var pseudonym = await customer.Pseudonymize();
        var complaints = Complaints(profile).Select(complaint => cluster.GetGrain<IComplaintGrain>(complaint)).ToList();
        await Task.WhenAll(complaints.Select(complaint => complaint.ErasePersonalData(actor, pseudonym).AsTask()));
        var logs = await customer.NpsLogs();
        await Task.WhenAll(logs.SelectMany(log => profile.Ids.Select(erased => cluster.GetGrain<INpsGrain>(log).Pseudonymize(erased, pseudonym).AsTask())));
        var summaries = await Task.WhenAll(complaints.Select(complaint => complaint.GetSummary().AsTask()));
        var renamed = cluster.GetGrain<ICustomerGrain>(pseudonym);
        await Task.WhenAll(summaries.OfType<ComplaintSummary>().Select(summary => renamed.SetComplaintOpen(summary.Id, summary.IsOpen).AsTask()));
        await Task.WhenAll(profile.Ids.Select(erased => cluster.GetGrain<ICustomerGrain>(erased).Forget().AsTask()));
        await http.Audit("customer.erased", pseudonym, $"{complaints.Count} complaints");
        return TypedResults.NoContent();
    }

    /// <summary>The customer id of a route: the router decodes every escape but %2F (ids such as "mail:a/b").</summary>
    private static string Key(string id) => id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static bool Exists(CustomerProfile profile) => profile.OpenComplaints.Count + profile.PastComplaints.Count > 0 || profile.LatestNps is not null;

    private static IEnumerable<Guid> Complaints(CustomerProfile profile) => profile.OpenComplaints.Concat(profile.PastComplaints);

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem($"There is no customer '{id}'.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<bool> MaySee(ConsoleUser user, CustomerProfile profile, IClusterClient cluster)
    {
        if (user.SeesAllTeams)
        {
            return true;
        }

        var summaries = await Task.WhenAll(Complaints(profile).Select(id => cluster.GetGrain<IComplaintGrain>(id).GetSummary().AsTask()));
        return summaries.Any(summary => summary is not null && user.MayActOn(summary.Team));
    }
}
