using System.Text.Json;
using System.Text.RegularExpressions;
using Escalation.Complaints;
using Escalation.Tests.Shared;

namespace Escalation.Tests;

/// <summary>The console's list of hub event names (web/src/events.ts) is the C# enum, camelCased, and nothing else.</summary>
public sealed partial class ConsoleEventNamesTests
{
    [Fact]
    public void The_web_console_listens_for_exactly_the_events_the_hub_sends()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "web", "src", "events.ts"));
        var list = source[source.IndexOf("EVENT_NAMES", StringComparison.Ordinal)..];
        var names = Quoted().Matches(list[..list.IndexOf(']', StringComparison.Ordinal)]).Select(match => match.Groups[1].Value);

        Assert.Equal(Enum.GetNames<ComplaintEventKind>().Select(JsonNamingPolicy.CamelCase.ConvertName), names);
    }

    [GeneratedRegex("\"([A-Za-z]+)\"")]
    private static partial Regex Quoted();
}
