using Escalation.Analytics;

namespace Escalation.Tests.Triage;

public sealed class NpsSummaryTests
{
    [Fact]
    public void Nps_is_the_share_of_promoters_minus_the_share_of_detractors()
    {
        // 9-10 promoters, 7-8 passives, 0-6 detractors: 4 promoters, 3 passives, 3 detractors of 10 answers.
        Assert.Equal(new NpsSummary(10.0, 10, 4, 3, 3), NpsSummary.Of([10, 9, 9, 10, 8, 7, 7, 6, 0, 3]));
        Assert.Equal(new NpsSummary(-100.0, 2, 0, 0, 2), NpsSummary.Of([6, 0]));
        Assert.Equal(new NpsSummary(100.0, 1, 1, 0, 0), NpsSummary.Of([9]));
        Assert.Equal(new NpsSummary(33.3, 3, 1, 2, 0), NpsSummary.Of([9, 7, 8]));
        Assert.Equal(new NpsSummary(null, 0, 0, 0, 0), NpsSummary.Of([]));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(6, true)]
    [InlineData(7, false)]
    [InlineData(10, false)]
    public void Detractors_score_zero_to_six(int score, bool detractor)
    {
        Assert.Equal(detractor, NpsSummary.IsDetractor(score));
    }
}
