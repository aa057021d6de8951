using System.Text.Json;

namespace Escalation.Triage;

/// <summary>
/// A multinomial naive Bayes model of topics over word stems (the first six letters, without diacritics), learned
/// from labelled examples: it covers phrasings the word lists do not. The shipped model learns from the development
/// sets in <c>Triage/Training</c>, which are kept apart from the evaluation set.
/// </summary>
public sealed class TopicModel
{
    private const int StemLength = 6;
    private static readonly Topic[] Topics = Enum.GetValues<Topic>();
    private readonly Dictionary<Topic, Dictionary<string, int>> counts = [];
    private readonly Dictionary<Topic, int> words = [];
    private readonly Dictionary<Topic, int> documents = [];
    private readonly HashSet<string> vocabulary = [];

    /// <summary>The model learned from the development sets shipped with the classifier.</summary>
    public static TopicModel Shipped { get; } = FromResources();

    public static TopicModel Learn(IEnumerable<(Topic Topic, string Text)> examples)
    {
        var model = new TopicModel();
        foreach (var (topic, text) in examples)
        {
            model.documents[topic] = model.documents.GetValueOrDefault(topic) + 1;
            var topicCounts = model.counts.TryGetValue(topic, out var existing) ? existing : model.counts[topic] = [];
            foreach (var stem in Stems(text))
            {
                topicCounts[stem] = topicCounts.GetValueOrDefault(stem) + 1;
                model.words[topic] = model.words.GetValueOrDefault(topic) + 1;
                model.vocabulary.Add(stem);
            }
        }

        return model;
    }

    /// <summary>The posterior probability of each topic, and for the likeliest the stems that speak most for it.</summary>
    public (Dictionary<Topic, double> Probabilities, List<string> Evidence) Predict(string text)
    {
        var stems = Stems(text).ToList();
        var total = documents.Values.Sum();
        var logs = new Dictionary<Topic, double>();
        foreach (var topic in Topics)
        {
            var log = Math.Log((documents.GetValueOrDefault(topic) + 1.0) / (total + Topics.Length));
            foreach (var stem in stems)
            {
                log += LogLikelihood(topic, stem);
            }

            logs[topic] = log;
        }

        var max = logs.Values.Max();
        var sum = logs.Values.Sum(log => Math.Exp(log - max));
        var probabilities = logs.ToDictionary(entry => entry.Key, entry => Math.Exp(entry.Value - max) / sum);
        var best = probabilities.MaxBy(entry => entry.Value).Key;
        var evidence = stems.Distinct()
            .Select(stem => (Stem: stem, Lift: LogLikelihood(best, stem) - Topics.Where(t => t != best).Average(t => LogLikelihood(t, stem))))
            .Where(item => item.Lift > 0.5)
            .OrderByDescending(item => item.Lift)
            .Take(3)
            .Select(item => item.Stem)
            .ToList();
        return (probabilities, evidence);
    }

    private double LogLikelihood(Topic topic, string stem)
    {
        var count = counts.TryGetValue(topic, out var topicCounts) ? topicCounts.GetValueOrDefault(stem) : 0;
        return Math.Log((count + 1.0) / (words.GetValueOrDefault(topic) + vocabulary.Count + 1));
    }

    private static IEnumerable<string> Stems(string text) =>
        Text.Words(text).Where(word => word.Length >= 3 && !Text.IsStopWord(word)).Select(word => Text.Fold(word))
            .Select(word => word.Length > StemLength ? word[..StemLength] : word);

    private static TopicModel FromResources()
    {
        var assembly = typeof(TopicModel).Assembly;
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var examples = new List<(Topic, string)>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.Contains(".Training.", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0 && JsonSerializer.Deserialize<Example>(line, options) is { } example)
                {
                    examples.Add((Enum.Parse<Topic>(example.Topic, ignoreCase: true), example.Text));
                }
            }
        }

        return Learn(examples);
    }

    private sealed record Example(string Topic, string Text);
}
