using System.Text.Json;
using System.Text.RegularExpressions;

namespace Escalation.Api.Tests.Deployment;

/// <summary>
/// What a Dockerfile of the repository builds and runs, read from the file itself so that a test publishes and starts
/// the service as its image does: the build stage's dotnet commands and the last stage's user, ports, health check,
/// entry point and the files it copies from the repository.
/// </summary>
internal sealed partial record ImageDefinition(
    IReadOnlyList<string[]> DotnetCommands,
    string Output,
    string User,
    IReadOnlyList<int> Ports,
    string[] HealthCheck,
    string[] Entrypoint,
    IReadOnlyDictionary<string, string> CopiedFiles)
{
    public static ImageDefinition Read(string dockerfile)
    {
        var stages = Stages(File.ReadAllText(dockerfile));
        var runtime = stages[^1];
        var dotnet = stages[..^1].SelectMany(stage => stage).Where(i => i.Keyword == "RUN")
            .Select(i => Words(RunOptions().Replace(i.Arguments, ""))).Where(words => words[0] == "dotnet").ToList();
        var publish = dotnet.Single(words => words[1] == "publish");
        var output = publish[Array.IndexOf(publish, "-o") + 1];
        var workdir = Single(runtime, "WORKDIR");
        Assert.Contains(runtime, i => i.Keyword == "COPY" && Words(i.Arguments) is [var from, var source, "."] && from.StartsWith("--from=", StringComparison.Ordinal) && source == output);
        Assert.Equal(output, workdir);
        return new ImageDefinition(
            dotnet,
            output,
            Single(runtime, "USER"),
            [.. Words(Single(runtime, "EXPOSE")).Select(int.Parse)],
            Command(Single(runtime, "HEALTHCHECK").Split(" CMD ", 2)[1]),
            Command(Single(runtime, "ENTRYPOINT")),
            runtime.Where(i => i.Keyword == "COPY" && !i.Arguments.Contains("--from=", StringComparison.Ordinal))
                .Select(i => Words(i.Arguments).Where(word => !word.StartsWith("--", StringComparison.Ordinal)).ToArray())
                .ToDictionary(words => Path.GetFileName(words[1]), words => words[0]));
    }

    private static List<List<(string Keyword, string Arguments)>> Stages(string text)
    {
        var stages = new List<List<(string, string)>>();
        foreach (var line in LineContinuation().Replace(text, " ").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && line[0] != '#'))
        {
            var parts = line.Split(' ', 2);
            var keyword = parts[0].ToUpperInvariant();
            if (keyword == "FROM")
            {
                stages.Add([]);
            }

            stages[^1].Add((keyword, parts.Length > 1 ? parts[1].Trim() : ""));
        }

        return stages;
    }

    private static string Single(List<(string Keyword, string Arguments)> stage, string keyword) => stage.Single(i => i.Keyword == keyword).Arguments;

    /// <summary>An instruction's command in exec form (a JSON array), the only form our Dockerfiles use.</summary>
    private static string[] Command(string json) => JsonSerializer.Deserialize<string[]>(json)!;

    private static string[] Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex LineContinuation();

    [GeneratedRegex(@"--(mount|network|security)=\S+")]
    private static partial Regex RunOptions();
}
