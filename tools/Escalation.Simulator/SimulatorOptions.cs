using System.Globalization;

internal sealed record SimulatorOptions(Uri Url, string Channel, string Secret, string? File, double? Rate, int? Count, int Seed, int? Listen)
{
    public const string Usage = """
        A reference connector: posts signed complaints to Escalation's connector endpoint and, with --listen, receives
        the replies Escalation delivers to the channel's outboundUrl, checks their signatures and prints them.

          dotnet run --project tools/Escalation.Simulator -- [options]

          --url URL        the api (default http://localhost:5000)
          --channel NAME   connector channel (default facebook)
          --secret SECRET  the channel's secret (default $ESCALATION_DEMO_CONNECTOR_SECRET or dev-secret)
          --file PATH      JSON lines, one complaint body each (default: built-in Estonian and English samples)
          --rate N         complaints per second, picked at random from the samples (default: each sample once)
          --count N        how many to post (default: as many as there are samples)
          --seed N         random seed for --rate (default 1)
          --listen PORT    after posting, receive replies on http://127.0.0.1:PORT/replies until stopped (Ctrl+C);
                           set the channel's outboundUrl to that address (PUT /api/channels/{name}, admin)
          --count 0        post nothing (with --listen: only receive)
        """;

    public static string[] BuiltInSamples()
    {
        using var stream = typeof(SimulatorOptions).Assembly.GetManifestResourceStream("Escalation.Simulator.samples.jsonl")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }

    public static string Slug(string name) =>
        string.Concat(name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-'));

    public static SimulatorOptions? Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            values[args[i][2..]] = args[i + 1];
        }

        try
        {
            return new SimulatorOptions(
                new Uri(values.GetValueOrDefault("url", "http://localhost:5000")),
                values.GetValueOrDefault("channel", "facebook"),
                values.GetValueOrDefault("secret", Environment.GetEnvironmentVariable("ESCALATION_DEMO_CONNECTOR_SECRET") ?? "dev-secret"),
                values.GetValueOrDefault("file"),
                values.TryGetValue("rate", out var rate) ? double.Parse(rate, CultureInfo.InvariantCulture) : null,
                values.TryGetValue("count", out var count) ? int.Parse(count, CultureInfo.InvariantCulture) : null,
                values.TryGetValue("seed", out var seed) ? int.Parse(seed, CultureInfo.InvariantCulture) : 1,
                values.TryGetValue("listen", out var listen) ? int.Parse(listen, CultureInfo.InvariantCulture) : null);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
