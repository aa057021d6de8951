using System.Net;
using Npgsql;

namespace Escalation.Api.Tests.Durable;

/// <summary>The durable profile on PostgreSQL as Debian installs it: each process bounds the connections it opens.</summary>
[Collection(DurableCollection.Name)]
public sealed class StockPostgresTests(DurableFixture fixture)
{
    private const int Reads = 130;

    [Fact]
    public async Task A_cluster_restarted_after_a_crash_answers_130_reads_at_once_within_stock_max_connections()
    {
        await using (var connection = new NpgsqlConnection(fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var show = new NpgsqlCommand("SHOW max_connections", connection);
            Assert.Equal("100", await show.ExecuteScalarAsync());
        }

        var ids = await Task.WhenAll(Enumerable.Range(0, Reads).Select(_ => fixture.NewComplaint("P4")));
        foreach (var silo in fixture.Silos)
        {
            await silo.Kill();
            silo.Dispose();
        }

        await fixture.StartSilos();
        using var manager = await fixture.ClientFor("manager1");

        // The api reconnects to the new silos in its own time; once one complaint answers, every other one is read at
        // once, each activating and reading its state from PostgreSQL.
        var first = new Uri($"/api/complaints/{ids[0]}", UriKind.Relative);
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while ((await manager.GetAsync(first)).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(90), "the api did not reach the restarted cluster");
            await Task.Delay(200);
        }

        var answers = await Task.WhenAll(ids.Skip(1).Select(id => manager.GetAsync(new Uri($"/api/complaints/{id}", UriKind.Relative))));
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
    }
}
