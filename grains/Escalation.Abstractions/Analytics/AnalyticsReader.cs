using Escalation.Directory;
using Escalation.Nps;

namespace Escalation.Analytics;

/// <summary>
/// Reads the day buckets of the teams and period asked for (and of the period before, for the topics' change) and
/// computes the report from them: the work grows with the days and the facts in them, never with all complaints.
/// </summary>
public static class AnalyticsReader
{
    public static async Task<IReadOnlyList<string>> Teams(IGrainFactory cluster, string? team) =>
        team is not null ? [team] : await cluster.GetGrain<IDirectoryGrain>(0).GetTeams();

    public static async Task<AnalyticsReport> Report(IGrainFactory cluster, string? team, Period period) =>
        (await ReportAndAnswers(cluster, team, period)).Report;

    /// <summary>The report, and the NPS answers it summarises (for the digest's comments).</summary>
    public static async Task<(AnalyticsReport Report, List<NpsAnswer> Answers)> ReportAndAnswers(IGrainFactory cluster, string? team, Period period)
    {
        var teams = await Teams(cluster, team);
        var facts = await Facts(cluster, teams, new Period(period.Previous.From, period.To));
        var answers = await NpsAnswers(cluster, teams, period);
        return (AnalyticsReport.Compute(team, period, facts, NpsSummary.Of(answers.Select(answer => answer.Score))), answers);
    }

    public static async Task<List<NpsAnswer>> NpsAnswers(IGrainFactory cluster, IReadOnlyList<string> teams, Period period) =>
        [.. (await Task.WhenAll(teams.Select(name => cluster.GetGrain<INpsGrain>(name).Answers(period).AsTask()))).SelectMany(list => list)];

    private static async Task<List<ComplaintFact>> Facts(IGrainFactory cluster, IReadOnlyList<string> teams, Period period)
    {
        var days = new List<DateTimeOffset>();
        for (var day = new DateTimeOffset(period.From.UtcDateTime.Date, TimeSpan.Zero); day < period.To; day = day.AddDays(1))
        {
            days.Add(day);
        }

        var buckets = teams.SelectMany(name => days.Select(day => ComplaintFact.Bucket(name, day)));
        return [.. (await Task.WhenAll(buckets.Select(key => cluster.GetGrain<IAnalyticsGrain>(key).Facts(period).AsTask()))).SelectMany(list => list)];
    }
}
