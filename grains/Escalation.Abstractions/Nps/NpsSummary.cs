namespace Escalation.Nps;

/// <summary>
/// Net Promoter Score over a set of answers: the share of promoters (9-10) minus the share of detractors (0-6), in
/// percentage points from -100 to 100, null without answers.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record NpsSummary(
    [property: Id(0)] double? Score,
    [property: Id(1)] int Answers,
    [property: Id(2)] int Promoters,
    [property: Id(3)] int Passives,
    [property: Id(4)] int Detractors)
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
