using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Escalation.Connectors;

// Signs and posts complaints to a connector endpoint, as a social-media or e-mail connector would, so that a
// person can watch the console fill. See --help.
var options = SimulatorOptions.Parse(args);
if (options is null)
{
    Console.WriteLine(SimulatorOptions.Usage);
    return 2;
}

var samples = options.File is { } file ? File.ReadAllLines(file) : SimulatorOptions.BuiltInSamples();
samples = [.. samples.Where(line => !string.IsNullOrWhiteSpace(line))];
using var http = new HttpClient { BaseAddress = options.Url };
var random = new Random(options.Seed);
var run = Guid.NewGuid().ToString("N")[..6];
var count = options.Count ?? samples.Length;
var interval = options.Rate is { } rate ? TimeSpan.FromSeconds(1 / rate) : TimeSpan.Zero;
var accepted = 0;
for (var i = 0; i < count; i++)
{
    var body = JsonNode.Parse(samples[options.Rate is null ? i % samples.Length : random.Next(samples.Length)])!.AsObject();
    body["externalId"] ??= $"sim-{run}-{i}";
    if (body["customer"] is not JsonObject customer)
    {
        body["customer"] = customer = new JsonObject { ["name"] = $"Customer {i}" };
    }

    // The same name is the same customer in every run, so repeat complaints build up a history.
    customer["id"] ??= $"{options.Channel}:{SimulatorOptions.Slug(customer["name"]!.GetValue<string>())}";
    body["createdAt"] ??= DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    using var request = SignedRequest.Create(SignedRequest.ComplaintsPath(options.Channel), options.Secret, Encoding.UTF8.GetBytes(body.ToJsonString()), DateTimeOffset.UtcNow);
    using var response = await http.SendAsync(request);
    var answer = await response.Content.ReadAsStringAsync();
    Console.WriteLine($"{(int)response.StatusCode} {body["externalId"]} {answer}");
    accepted += response.IsSuccessStatusCode ? 1 : 0;
    if (interval > TimeSpan.Zero && i + 1 < count)
    {
        // Pacing to the requested rate is the point of this loop.
        await Task.Delay(interval);
    }
}

Console.WriteLine($"{accepted} of {count} accepted");
return accepted == count ? 0 : 1;

internal sealed record SimulatorOptions(Uri Url, string Channel, string Secret, string? File, double? Rate, int? Count, int Seed)
{
    public const string Usage = """
        Posts signed complaints to Escalation's connector endpoint.

          dotnet run --project tools/Escalation.Simulator -- [options]

          --url URL        the api (default http://localhost:5000)
          --channel NAME   connector channel (default facebook)
          --secret SECRET  the channel's secret (default $ESCALATION_DEMO_CONNECTOR_SECRET or dev-secret)
          --file PATH      JSON lines, one complaint body each (default: built-in Estonian and English samples)
          --rate N         complaints per second, picked at random from the samples (default: each sample once)
          --count N        how many to post (default: as many as there are samples)
          --seed N         random seed for --rate (default 1)
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
                values.TryGetValue("seed", out var seed) ? int.Parse(seed, CultureInfo.InvariantCulture) : 1);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
