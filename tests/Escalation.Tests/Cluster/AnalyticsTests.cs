using Escalation.Analytics;
using Escalation.Complaints;
using Escalation.Grains;
using Escalation.Grains.Analytics;
using Escalation.Grains.Logs;
using Escalation.Improvements;
using Escalation.Nps;
using Escalation.Sla;
using Escalation.Triage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Escalation.Tests.Cluster;

public sealed class AnalyticsTests(ClusterFixture fixture) : ClusterTest(fixture)
{
    private async Task<Guid> Complaint(string text, bool isPublic)
    {
        var id = Guid.NewGuid();
        await Complaint(id).Create(new NewComplaint("web", $"web-{id:N}", new CustomerRef($"web:{id:N}", null), text, isPublic, TeamName, Priority: Priority.P1));
        return id;
    }

    [Fact]
    public async Task A_known_stream_of_complaints_gives_exactly_the_expected_figures()
    {
        await StaffTeam(agentOnline: true);
        var previousDay = Clock.GetUtcNow();
        var earlier = await Complaint("The courier lost my parcel.", isPublic: false);
        await Complaint(earlier).Resolve(null, Agent);

        await Advance(TimeSpan.FromDays(1));
        var start = Clock.GetUtcNow();
        var answered = await Complaint("The courier left my parcel in the rain.", isPublic: true);
        var neglected = await Complaint("You charged my card twice and the refund never came.", isPublic: false);
        await Advance(TimeSpan.FromMinutes(5));
        await Complaint(answered).Respond("We are sorry! We will send a new one today.", true, Agent);
        await Advance(TimeSpan.FromMinutes(10));
        await Events.WaitFor(neglected, ComplaintEventKind.ComplaintEscalated, e => e.Level == 1);
        await Advance(TimeSpan.FromMinutes(10));
        await Events.WaitFor(neglected, ComplaintEventKind.ComplaintEscalated, e => e.Level == 2);
        await Advance(TimeSpan.FromMinutes(5));
        await Complaint(neglected).Respond("We are sorry for the double charge; we refund it today.", false, Agent);
        await Advance(TimeSpan.FromMinutes(30));
        await Complaint(answered).Resolve(null, Agent);
        await Advance(TimeSpan.FromMinutes(60));
        await Complaint(neglected).Resolve(null, Agent);
        await Client.GetGrain<INpsGrain>(INpsGrain.KeyOf(TeamName, start)).Record(new NpsAnswer("web:1", 10, null, "web", start.AddMinutes(1), null));
        await Client.GetGrain<INpsGrain>(INpsGrain.KeyOf(TeamName, start)).Record(new NpsAnswer("web:2", 2, "Slow refund", "web", start.AddMinutes(2), null));

        var report = await Client.GetGrain<IAnalyticsReaderGrain>(0).Report(TeamName, new Period(start, start.AddDays(1)));

        Assert.Equal(2, report.Complaints);
        Assert.Equal(0.5, report.PublicShare);
        Assert.Equal(new SlaCompliance(0.5, 1.0), report.SlaCompliance);
        Assert.Equal(new Percentiles(300, 1800), report.FirstResponseSeconds);
        Assert.Equal(new Percentiles(3600, 7200), report.ResolutionSeconds);
        Assert.Equal(new EscalationCounts(1, 1), report.Escalations);
        Assert.Equal((2, 2), (report.Responded, report.Resolved));
        Assert.Equal(0, report.PersistentDissatisfaction);
        Assert.Equal(new NpsSummary(0.0, 2, 1, 0, 1), report.Nps);
        Assert.Equal(
            [(Topic.ProductQuality, 0, 0, 0), (Topic.Service, 0, 0, 0), (Topic.Delivery, 1, 1, 0), (Topic.EaseOfUse, 0, 0, 0), (Topic.Billing, 1, 0, 1), (Topic.Other, 0, 0, 0)],
            report.Topics.Select(t => (t.Topic, t.Count, t.PreviousCount, t.Change)));

        var before = await Client.GetGrain<IAnalyticsReaderGrain>(0).Report(TeamName, new Period(previousDay, start));
        Assert.Equal(1, before.Complaints);
        Assert.Equal(new SlaCompliance(1.0, 1.0), before.SlaCompliance);
        Assert.Equal(new Percentiles(null, null), before.FirstResponseSeconds);
    }

    [Fact]
    public async Task A_busy_day_is_stored_in_sealed_pages_and_read_back_whole()
    {
        var now = Clock.GetUtcNow();
        var bucket = ComplaintFact.Bucket($"busy-{Guid.NewGuid():N}", now);
        var facts = Enumerable.Range(0, (2 * AnalyticsGrain.PageSize) + 5).Select(_ => new ComplaintFact(FactKind.Created, now, Guid.NewGuid())).ToList();
        var day = Client.GetGrain<IAnalyticsGrain>(bucket);
        await day.Record(facts[..AnalyticsGrain.PageSize]);
        await day.Record(facts[AnalyticsGrain.PageSize..]);

        // Deactivation stores what is pending; the day, and its sealed pages, which keep no activation once stored, are
        // read back from storage.
        await Cluster.DeactivateAsync(day);
        await ActivationGone(Page(0));
        await ActivationGone(Page(1));
        var period = new Period(now, now.AddSeconds(1));
        Assert.Equal(facts.Select(fact => fact.ComplaintId), (await day.Facts(period)).Select(fact => fact.ComplaintId));
        Assert.Equal(
            facts[AnalyticsGrain.PageSize..(2 * AnalyticsGrain.PageSize)].Select(fact => fact.ComplaintId),
            (await Page(1).Facts(period)).Select(fact => fact.ComplaintId));
        Assert.Empty(await Page(2).Facts(period));

        IAnalyticsPageGrain Page(int page) => Client.GetGrain<IAnalyticsPageGrain>(IAnalyticsPageGrain.KeyOf(bucket, page));
    }

    [Fact]
    public async Task The_more_facts_a_day_holds_unsealed_the_longer_it_waits_before_storing_them_again()
    {
        var now = Clock.GetUtcNow();
        var day = Client.GetGrain<IAnalyticsGrain>(ComplaintFact.Bucket($"waits-{Guid.NewGuid():N}", now));
        ComplaintFact[] Facts(int count) => [.. Enumerable.Range(0, count).Select(_ => new ComplaintFact(FactKind.Created, now, Guid.NewGuid()))];

        await day.Record(Facts(1));
        Clock.Advance(TimeSpan.FromMilliseconds(500));
        await StoredFacts(day, 1);

        // 1,001 unsealed facts wait 3 s (half a second, and half a second for each 200), not half a second.
        await day.Record(Facts(1_000));
        Clock.Advance(TimeSpan.FromMilliseconds(2_900));
        // Recording nothing is a call the grain does not interleave: it runs after any write the timer started.
        await day.Record([]);
        Assert.Single((await Stored(day)).Facts);
        Clock.Advance(TimeSpan.FromMilliseconds(100));
        await StoredFacts(day, 1_001);
    }

    [Fact]
    public async Task A_teams_nps_answers_are_kept_by_day_in_sealed_pages_and_read_back_whole()
    {
        var now = Clock.GetUtcNow();
        var team = $"nps-{Guid.NewGuid():N}";
        var answers = Enumerable.Range(0, PagedLog<NpsAnswer>.PageSize + 7).Select(i => new NpsAnswer($"web:{i}", i % 11, null, "web", now, null)).ToList();
        var day = Client.GetGrain<INpsGrain>(INpsGrain.KeyOf(team, now));
        foreach (var answer in answers)
        {
            await day.Record(answer);
        }

        await Cluster.DeactivateAsync(day);
        var period = new Period(now.AddDays(-3), now.AddSeconds(1));
        Assert.Equal(answers.Select(answer => answer.CustomerId), (await Client.GetGrain<IAnalyticsReaderGrain>(0).NpsAnswers(team, period)).Select(answer => answer.CustomerId));
        var sealedPage = Client.GetGrain<ILogPageGrain<NpsAnswer>>(LogPage.KeyOf(INpsGrain.KeyOf(team, now), 0));
        Assert.Equal(answers[..PagedLog<NpsAnswer>.PageSize].Select(answer => answer.CustomerId), (await sealedPage.Entries()).Select(answer => answer.CustomerId));
    }

    [Fact]
    public async Task An_improvement_past_its_deadline_escalates_once_and_a_finished_one_does_not()
    {
        var late = Guid.NewGuid();
        var created = await Client.GetGrain<IImprovementGrain>(late).Create(new ImprovementDraft(
            "Courier contract review", Topic.Delivery, Agent, TeamName, Clock.GetUtcNow().AddDays(3), [], Supervisor));
        Assert.Equal(ImprovementStatus.Planned, created.Status);
        var done = Guid.NewGuid();
        await Client.GetGrain<IImprovementGrain>(done).Create(new ImprovementDraft(
            "Fix the checkout button", Topic.EaseOfUse, Agent, TeamName, Clock.GetUtcNow().AddDays(3), [], Supervisor));
        await Client.GetGrain<IImprovementGrain>(done).Update(ImprovementStatus.Done, "Fixed in release 2.3");
        await Cluster.DeactivateAsync(Client.GetGrain<IImprovementGrain>(late));

        await Advance(TimeSpan.FromDays(3));
        var overdue = await Events.WaitForOverdue(late);
        Assert.Equal(Clock.GetUtcNow(), overdue.Improvement.OverdueSince);
        Assert.Equal(TeamName, overdue.Improvement.OwnerTeam);

        await Advance(TimeSpan.FromDays(1));
        Assert.Equal(overdue.Improvement.OverdueSince, (await Client.GetGrain<IImprovementGrain>(late).GetImprovement())!.OverdueSince);
        Assert.Null((await Client.GetGrain<IImprovementGrain>(done).GetImprovement())!.OverdueSince);
        Assert.Contains(late, await Client.GetGrain<IImprovementLogGrain>(0).GetIds());
    }

    /// <summary>The day's state as its storage holds it now.</summary>
    private async Task<AnalyticsState> Stored(IAnalyticsGrain day)
    {
        var storage = Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Escalation);
        var stored = new GrainState<AnalyticsState>(new AnalyticsState());
        await storage.ReadStateAsync("analytics", day.GetGrainId(), stored);
        return stored.State ?? throw new InvalidOperationException("No analytics state.");
    }

    /// <summary>Waits for the timer's write, which runs on the grain after the clock moved.</summary>
    private async Task StoredFacts(IAnalyticsGrain day, int count)
    {
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while ((await Stored(day)).Facts.Count != count)
        {
            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(10), $"The day did not store its {count} facts.");
            await Task.Delay(10);
        }
    }
}
