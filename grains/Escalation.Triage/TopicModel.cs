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

    // Per topic, in the order of Topics: the log prior, and the log-likelihood of a stem never seen with any topic; and
    // per stem seen in the examples, its log-likelihood with each topic (add-one smoothing), worked out once here.
    private readonly double[] priors;
    private readonly double[] unseen;
    private readonly Dictionary<string, double[]> likelihoods;

    private TopicModel(double[] priors, double[] unseen, Dictionary<string, double[]> likelihoods) =>
        (this.priors, this.unseen, this.likelihoods) = (priors, unseen, likelihoods);

    /// <summary>The model learned from the development sets shipped with the classifier.</summary>
    public static TopicModel Shipped { get; } = FromResources();

    public static TopicModel Learn(IEnumerable<(Topic Topic, string Text)> examples)
    {
        var counts = Topics.ToDictionary(topic => topic, _ => new Dictionary<string, int>());
        var words = new int[Topics.Length];
        var documents = new int[Topics.Length];
        foreach (var (topic, text) in examples)
        {
            var t = Array.IndexOf(Topics, topic);
            documents[t]++;
            foreach (var stem in Stems(TriageText.Of(text)))
            {
                counts[topic][stem] = counts[topic].GetValueOrDefault(stem) + 1;
                words[t]++;
            }
        }

        var vocabulary = counts.Values.SelectMany(stems => stems.Keys).ToHashSet();
        var total = documents.Sum();
        double LogLikelihood(int t, int count) => Math.Log((count + 1.0) / (words[t] + vocabulary.Count + 1));
        var topics = Enumerable.Range(0, Topics.Length).ToArray();
        return new TopicModel(
            [.. topics.Select(t => Math.Log((documents[t] + 1.0) / (total + Topics.Length)))],
            [.. topics.Select(t => LogLikelihood(t, 0))],
            vocabulary.ToDictionary(stem => stem, stem => topics.Select(t => LogLikelihood(t, counts[Topics[t]].GetValueOrDefault(stem))).ToArray()));
    }

    /// <summary>The posterior probability of each topic, and for the likeliest the stems that speak most for it.</summary>
    public (Dictionary<Topic, double> Probabilities, List<string> Evidence) Predict(TriageText text)
    {
        var stems = Stems(text).ToList();
        var logs = (double[])priors.Clone();
        foreach (var stem in stems)
        {
            var stemLikelihoods = Likelihoods(stem);
            for (var t = 0; t < logs.Length; t++)
            {
                logs[t] += stemLikelihoods[t];
            }
        }

        var max = logs.Max();
        var sum = logs.Sum(log => Math.Exp(log - max));
        var probabilities = new Dictionary<Topic, double>(Topics.Length);
        var best = 0;
        for (var t = 0; t < logs.Length; t++)
        {
            probabilities[Topics[t]] = Math.Exp(logs[t] - max) / sum;
            best = probabilities[Topics[t]] > probabilities[Topics[best]] ? t : best;
        }

        var evidence = stems.Distinct()
            .Select(stem => (Stem: stem, Lift: Lift(Likelihoods(stem), best)))
            .Where(item => item.Lift > 0.5)
            .OrderByDescending(item => item.Lift)
            .Take(3)
            .Select(item => item.Stem)
            .ToList();
        return (probabilities, evidence);
    }

    private double[] Likelihoods(string stem) => likelihoods.GetValueOrDefault(stem) ?? unseen;

    /// <summary>How much likelier the stem is with the best topic than, on average, with the others.</summary>
    private static double Lift(double[] stemLikelihoods, int best)
    {
        var others = 0.0;
        for (var t = 0; t < stemLikelihoods.Length; t++)
        {
            others += t == best ? 0 : stemLikelihoods[t];
        }

        return stemLikelihoods[best] - others / (stemLikelihoods.Length - 1);
    }

    private static IEnumerable<string> Stems(TriageText text) =>
        text.Words.Select((word, at) => (Word: word, Folded: text.Folded[at]))
            .Where(word => word.Word.Length >= 3 && !Text.IsStopWord(word.Word))
            .Select(word => word.Folded.Length > StemLength ? word.Folded[..StemLength] : word.Folded);

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
