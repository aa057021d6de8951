using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Escalation.Api.Tests.Deployment;

/// <summary>YAML files of deploy/ as plain maps and lists (merge keys resolved, as Docker Compose does), and paths into them.</summary>
internal static class Yaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    /// <summary>Every document of the file; a file that does not parse fails the test.</summary>
    public static List<Dictionary<object, object>> Documents(string path)
    {
        using var reader = File.OpenText(path);
        var parser = new MergingParser(new Parser(reader));
        parser.Consume<StreamStart>();
        var documents = new List<Dictionary<object, object>>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add(Deserializer.Deserialize<Dictionary<object, object>>(parser));
        }

        return documents;
    }

    public static Dictionary<object, object> Map(object node, params string[] path) =>
        (Dictionary<object, object>)At(node, path)!;

    public static List<object> List(object node, params string[] path) => At(node, path) as List<object> ?? [];

    public static string? Text(object node, params string[] path) => At(node, path)?.ToString();

    private static object? At(object node, string[] path) =>
        path.Aggregate<string, object?>(node, (current, key) => current is Dictionary<object, object> map ? map.GetValueOrDefault(key) : null);
}
