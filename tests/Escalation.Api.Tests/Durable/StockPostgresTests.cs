using System.Net;
using Npgsql;

namespace Escalation.Api.Tests.Durable;

/// <summary>The durable profile on PostgreSQL as Debian installs it: each process bounds the connections it opens.</summary>
[Collection(DurableCollection.Name)]
public sealed class StockPostgresTests(DurableFixture fixture)
{
    private const int Reads = 130;

    [Fact]
    public async Task After_a_silo_crash_and_restart_130_reads_at_once_all_answer_within_stock_max_connections()
    {
        await using (var connection = new NpgsqlConnection(fixture.ConnectionString))
        {
            await connection.OpenAsync();
            await using var show = new NpgsqlCommand("SHOW max_connections", connection);
            Assert.Equal("100", await show.ExecuteScalarAsync());
        }

        var ids = await Task.WhenAll(Enumerable.Range(0, Reads).Select(_ => fixture.NewComplaint("P4")));
        await fixture.Silos[1].Kill();
        fixture.Silos[1].Dispose();
        fixture.Silos[1] = await ServiceProcess.StartSilo(fixture.ConnectionString, fixture.Endpoints[1].SiloPort, fixture.Endpoints[1].GatewayPort);
        using var manager = await fixture.ClientFor("manager1");

        // The complaints that lived on the crashed silo activate again wherever they are asked for. Once one complaint
        // answers, every other one is read at once, each of those activating and reading its state from PostgreSQL.
        var first = new Uri($"/api/complaints/{ids[0]}", UriKind.Relative);
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        while ((await manager.GetAsync(first)).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(waiting.Elapsed < TimeSpan.FromSeconds(90), "the cluster did not answer after the restart");
            await Task.Delay(200);
        }

        var answers = await Task.WhenAll(ids.Skip(1).Select(id => manager.GetAsync(new Uri($"/api/complaints/{id}", UriKind.Relative))));
        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
    }
}
