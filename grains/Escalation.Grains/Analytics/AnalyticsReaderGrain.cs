using Escalation.Analytics;
using Escalation.Directory;
using Escalation.Nps;
using Orleans.Concurrency;

namespace Escalation.Grains.Analytics;

/// <summary>
/// Reads the day buckets of the teams and period asked for (and of the period before, for the topics' change) and
/// computes the report from them: the work grows with the days and the facts in them, never with all complaints.
/// </summary>
[StatelessWorker]
public sealed class AnalyticsReaderGrain(AnalyticsBatcher pending) : Grain, IAnalyticsReaderGrain
{
    public async ValueTask<AnalyticsReport> Report(string? team, Period period) => (await ReportWithAnswers(team, period)).Report;

    public async ValueTask<ReportWithAnswers> ReportWithAnswers(string? team, Period period)
    {
        await pending.Flush();
        var teams = await Teams(team);
        var facts = await Facts(teams, new Period(period.Previous.From, period.To));
        var answers = await Answers(teams, period);
        return new ReportWithAnswers(AnalyticsReport.Compute(team, period, facts, NpsSummary.Of(answers.Select(answer => answer.Score))), answers);
    }

    public async ValueTask<SlaReport> SlaReport(string? team, Period period, ReportGrouping groupBy)
    {
        await pending.Flush();
        return Escalation.Analytics.SlaReport.Compute(groupBy, period, await Facts(await Teams(team), period));
    }

    public async ValueTask<IReadOnlyList<Breach>> Breaches(string? team, Period period, DateTimeOffset answeredBy)
    {
        await pending.Flush();
        var facts = await Facts(await Teams(team), new Period(period.From, answeredBy > period.To ? answeredBy : period.To));
        return Escalation.Analytics.SlaReport.Breaches(period, facts);
    }

    public async ValueTask<IReadOnlyList<NpsAnswer>> NpsAnswers(string? team, Period period) => await Answers(await Teams(team), period);

    private async Task<IReadOnlyList<string>> Teams(string? team) => team is not null ? [team] : await GrainFactory.GetGrain<IDirectoryGrain>(0).GetTeams();

    private async Task<List<NpsAnswer>> Answers(IReadOnlyList<string> teams, Period period)
    {
        var buckets = teams.SelectMany(name => period.Days().Select(day => ComplaintFact.Bucket(name, day)));
        var answers = await Task.WhenAll(buckets.Select(key => GrainFactory.GetGrain<INpsGrain>(key).Answers(period).AsTask()));
        return [.. answers.SelectMany(list => list).OrderBy(answer => answer.At)];
    }

    /// <summary>The facts of the teams in the period, each with the team it was kept for.</summary>
    private async Task<List<ComplaintFact>> Facts(IReadOnlyList<string> teams, Period period)
    {
        var buckets = teams.SelectMany(name => period.Days().Select(day => (Team: name, Key: ComplaintFact.Bucket(name, day))));
        var facts = await Task.WhenAll(buckets.Select(async bucket =>
            (await GrainFactory.GetGrain<IAnalyticsGrain>(bucket.Key).Facts(period)).Select(fact => fact with { Team = bucket.Team })));
        return [.. facts.SelectMany(list => list)];
    }
}
