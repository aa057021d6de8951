using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Escalation.Connectors;

// A reference connector: signs and posts complaints to a connector endpoint, as a social-media or e-mail connector
// would, so that a person can watch the console fill; with --listen it also receives the replies Escalation delivers
// back (docs/connectors.md shows how to write one for a real platform). See --help.
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
if (options.Listen is { } port)
{
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, cancel) =>
    {
        cancel.Cancel = true;
        stop.Cancel();
    };
    await new ReplyListener(port, options.Secret).Run(stop.Token);
}

return accepted == count ? 0 : 1;

