using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Escalation.Triage;
using Xunit.Abstractions;
using Escalation.Tests.Shared;

namespace Escalation.Tests.Triage;

/// <summary>
/// The triage rules measured on the labelled evaluation set (Triage/evaluation.jsonl), which was written apart
/// from the word lists. Prints accuracy per language and topic and the topic confusion table, and writes them to
/// artifacts/triage-evaluation.txt. Run alone with:
/// <c>dotnet test tests/Escalation.Tests --filter Category=Evaluation --logger "console;verbosity=detailed"</c>.
/// </summary>
[Trait("Category", "Evaluation")]
public sealed class TriageEvaluationTests(ITestOutputHelper output)
{
    private sealed record Labelled(string Language, string Topic, bool Public, string Text);

    [Fact]
    public void Language_is_at_least_98_and_topic_at_least_85_percent_accurate_on_the_evaluation_set()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var set = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Triage", "evaluation.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonSerializer.Deserialize<Labelled>(line, options)!)
            .ToList();
        Assert.True(set.Count >= 300, $"the set has {set.Count} complaints");

        var watch = Stopwatch.StartNew();
        var results = set.Select(item => (Item: item, Language: LanguageDetector.Detect(item.Text).Value, Topic: Name(TopicClassifier.Classify(item.Text).Value))).ToList();
        var perComplaint = watch.Elapsed / set.Count;

        var report = new StringBuilder();
        void Line(string text) => report.AppendLine(text);
        Line($"{set.Count} complaints: {string.Join(", ", set.GroupBy(i => i.Language).Select(g => $"{g.Count()} {g.Key}"))}; triage took {perComplaint.TotalMilliseconds:0.000} ms per complaint");
        var languageAccuracy = Accuracy(results.Select(r => r.Item.Language == r.Language));
        var topicAccuracy = Accuracy(results.Select(r => r.Item.Topic == r.Topic));
        Line($"language accuracy {languageAccuracy:P1}; topic accuracy {topicAccuracy:P1}");
        foreach (var language in results.GroupBy(r => r.Item.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Line($"  {language.Key,-8} language {Accuracy(language.Select(r => r.Item.Language == r.Language)):P1}, topic {Accuracy(language.Select(r => r.Item.Topic == r.Topic)):P1} ({language.Count()})");
        }

        var topics = Enum.GetValues<Topic>().Select(Name).ToList();
        Line("topic accuracy (recall) per labelled topic:");
        foreach (var topic in topics)
        {
            var labelled = results.Where(r => r.Item.Topic == topic).ToList();
            Line($"  {topic,-15} {Accuracy(labelled.Select(r => r.Topic == topic)):P1} of {labelled.Count}");
        }

        Line("confusion (rows: labelled, columns: classified):");
        Line($"  {"",-15}" + string.Concat(topics.Select(t => $"{t[..Math.Min(7, t.Length)],8}")));
        foreach (var row in topics)
        {
            Line($"  {row,-15}" + string.Concat(topics.Select(column => $"{results.Count(r => r.Item.Topic == row && r.Topic == column),8}")));
        }

        output.WriteLine(report.ToString());
        var artifacts = System.IO.Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts"));
        File.WriteAllText(Path.Combine(artifacts.FullName, "triage-evaluation.txt"), report.ToString());

        Assert.True(languageAccuracy >= 0.98, report.ToString());
        Assert.True(topicAccuracy >= 0.85, report.ToString());
    }

    private static double Accuracy(IEnumerable<bool> outcomes)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? 1 : (double)list.Count(ok => ok) / list.Count;
    }

    private static string Name(Topic topic) => JsonNamingPolicy.CamelCase.ConvertName(topic.ToString());
}
