using System.Reflection;
using System.Text.RegularExpressions;
using Escalation.Api.Console;
using Escalation.Events;
using Escalation.Tests.Shared;
using Microsoft.AspNetCore.SignalR;

namespace Escalation.Api.Tests;

/// <summary>The console's lists of hub event names (web/src/events.ts) are the typed hub's methods, and nothing else.</summary>
public sealed partial class ConsoleEventNamesTests
{
    [Fact]
    public void The_web_console_listens_for_exactly_the_events_the_hub_sends()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "web", "src", "events.ts"));
        var methods = typeof(IConsoleClient).GetMethods().ToLookup(
            method => method.GetParameters().Single().ParameterType == typeof(ComplaintEvent),
            method => method.GetCustomAttribute<HubMethodNameAttribute>()!.Name);

        Assert.Equal(methods[true], List(source, "EVENT_NAMES"));
        Assert.Equal(methods[false], List(source, "OTHER_EVENT_NAMES"));
    }

    private static IEnumerable<string> List(string source, string name)
    {
        var list = source[source.IndexOf($"const {name} = [", StringComparison.Ordinal)..];
        return Quoted().Matches(list[..list.IndexOf(']', StringComparison.Ordinal)]).Select(match => match.Groups[1].Value);
    }

    [GeneratedRegex("\"([a-zA-Z]+)\"")]
    private static partial Regex Quoted();
}
