namespace Escalation.Analytics;

/// <summary>
/// Net Promoter Score over a set of answers: the share of promoters (9-10) minus the share of detractors (0-6), in
/// percentage points from -100 to 100, null without answers.
/// </summary>
public sealed record NpsSummary(
    double? Score,
    int Answers,
    int Promoters,
    int Passives,
    int Detractors)
{
    public static bool IsDetractor(int score) => score <= 6;

    public static NpsSummary Of(IEnumerable<int> scores)
    {
        int promoters = 0, passives = 0, detractors = 0;
        foreach (var score in scores)
        {
            _ = score >= 9 ? promoters++ : score >= 7 ? passives++ : detractors++;
        }

        var answers = promoters + passives + detractors;
        double? nps = answers == 0 ? null : Math.Round(100.0 * (promoters - detractors) / answers, 1);
        return new NpsSummary(nps, answers, promoters, passives, detractors);
    }
}
