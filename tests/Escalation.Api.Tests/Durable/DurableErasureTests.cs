using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;

namespace Escalation.Api.Tests.Durable;

/// <summary>A customer's erasure in the durable profile, checked where it counts: in every row PostgreSQL keeps.</summary>
[Collection(DurableCollection.Name)]
public sealed class DurableErasureTests(DurableFixture fixture)
{
    /// <summary>How many stored rows hold the text, in their keys, states or complaint rows (lower case: the search column is folded).</summary>
    private const string HoldingQuery = """
        SELECT (SELECT count(*) FROM escalation_state
                WHERE grain_id LIKE '%' || $1 || '%' OR position(convert_to($1, 'UTF8') IN payload) > 0)
             + (SELECT count(*) FROM escalation_complaint
                WHERE search LIKE '%' || $1 || '%' OR position(convert_to($1, 'UTF8') IN row) > 0)
        """;

    [Fact]
    public async Task After_a_customers_erasure_no_stored_row_holds_their_id_name_or_words()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var customer = $"mail:mari.{tag}@example.com";
        var name = $"maasikas{tag}";
        var words = $"tammepuu{tag}";
        var address = $"mari.{tag}@example.com";
        var phone = "+3725" + (BitConverter.ToUInt32(Guid.NewGuid().ToByteArray()) % 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var first = await Post(new { externalId = $"m-{tag}", customer = new { id = customer, name, email = address, phone }, text = $"Kapp {words} ei tööta", @public = true });
        Assert.Equal(first, await Post(new { externalId = $"m-{tag}-2", customer = new { id = customer }, text = $"Ikka {words}", inReplyTo = $"m-{tag}" }));
        using var admin = await fixture.ClientFor("admin");
        (await admin.PostAsJsonAsync($"/api/complaints/{first}/responses", new { text = $"Vabandame, {name}!", @public = true })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/complaints/{first}/resolve", new { note = $"Vahetatud {words}" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Accepted,
            (await admin.PostAsJsonAsync("/api/nps", new { customerId = customer, score = 3, channel = "facebook", comment = $"Halb {words}" })).StatusCode);
        await using var database = NpgsqlDataSource.Create(fixture.ConnectionString);
        foreach (var needle in new[] { customer, name, words, address, phone })
        {
            Assert.NotEqual(0, await Holding(database, needle));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/customers/{Uri.EscapeDataString(customer)}")).StatusCode);

        foreach (var needle in new[] { customer, name, words, address, phone })
        {
            Assert.Equal(0, await Holding(database, needle));
        }

        var pseudonym = (await admin.GetFromJsonAsync<JsonElement>($"/api/complaints/{first}")).GetProperty("customerId").GetString()!;
        var profile = await admin.GetFromJsonAsync<JsonElement>($"/api/customers/{Uri.EscapeDataString(pseudonym)}");
        Assert.Equal(2, profile.GetProperty("complaintsLast90Days").GetInt32()); // the complaint and the detractor's answer's
        Assert.Contains(first.ToString(), profile.GetProperty("pastComplaints").EnumerateArray().Select(id => id.GetString()));
    }

    private static async Task<long> Holding(NpgsqlDataSource database, string needle)
    {
        await using var command = database.CreateCommand(HoldingQuery);
        command.Parameters.Add(new NpgsqlParameter { Value = needle });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<Guid> Post(object body)
    {
        var response = await fixture.PostSigned("facebook", JsonSerializer.Serialize(body));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("complaintId").GetGuid();
    }
}
