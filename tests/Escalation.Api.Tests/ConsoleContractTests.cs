using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Escalation.Tests.Shared;

namespace Escalation.Api.Tests;

/// <summary>
/// The console's types (web/src/contract.ts) are the served OpenAPI document's schemas: every interface tagged
/// <c>@schema Name</c> has exactly that component's fields, each nullable exactly where the schema is. A field renamed
/// or dropped on either side fails here.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class ConsoleContractTests(ApiFixture fixture)
{
    [Fact]
    public async Task Every_type_of_the_console_matches_its_schema_in_the_served_openapi_document()
    {
        var document = await fixture.Anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var interfaces = Interfaces(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "web", "src", "contract.ts")));
        Assert.NotEmpty(interfaces);

        var mismatches = new List<string>();
        foreach (var (name, (schemaName, _, _)) in interfaces)
        {
            if (!schemas.TryGetProperty(schemaName, out var schema))
            {
                mismatches.Add($"{name}: the document has no schema {schemaName}");
                continue;
            }

            var expected = Properties(schemas, schema);
            var actual = Fields(interfaces, name);
            mismatches.AddRange(expected.Keys.Except(actual.Keys).Select(field => $"{name}: misses {schemaName}.{field}"));
            mismatches.AddRange(actual.Keys.Except(expected.Keys).Select(field => $"{name}.{field}: not in {schemaName}"));
            mismatches.AddRange(expected.Where(p => actual.TryGetValue(p.Key, out var nullable) && nullable != p.Value)
                .Select(p => $"{name}.{p.Key}: {(p.Value ? "nullable" : "never null")} in {schemaName}"));
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    /// <summary>The properties of a schema, with those of the schemas it is composed of (<c>allOf</c>, <c>$ref</c>): name → nullable.</summary>
    private static Dictionary<string, bool> Properties(JsonElement schemas, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Properties(schemas, schemas.GetProperty(reference.GetString()!.Split('/')[^1]));
        }

        var properties = schema.TryGetProperty("properties", out var own)
            ? own.EnumerateObject().ToDictionary(p => p.Name, p => IsNullable(p.Value))
            : [];
        return schema.TryGetProperty("allOf", out var parts)
            ? new Dictionary<string, bool>(parts.EnumerateArray().SelectMany(part => Properties(schemas, part)).Concat(properties))
            : properties;
    }

    private static bool IsNullable(JsonElement property) =>
        property.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.GetString() == "null")
        || property.TryGetProperty("oneOf", out var oneOf) && oneOf.EnumerateArray().Any(IsNullType)
        || property.TryGetProperty("anyOf", out var anyOf) && anyOf.EnumerateArray().Any(IsNullType);

    private static bool IsNullType(JsonElement schema) => schema.TryGetProperty("type", out var type) && type.GetString() == "null";

    /// <summary>The fields of an interface with those it extends: name → nullable.</summary>
    private static Dictionary<string, bool> Fields(Dictionary<string, (string Schema, string? Extends, Dictionary<string, bool> Fields)> interfaces, string name)
    {
        var (_, extends, fields) = interfaces[name];
        return extends is null ? fields : new Dictionary<string, bool>(Fields(interfaces, extends).Concat(fields));
    }

    private static Dictionary<string, (string Schema, string? Extends, Dictionary<string, bool> Fields)> Interfaces(string source) =>
        Interface().Matches(source).ToDictionary(
            match => match.Groups["name"].Value,
            match => (match.Groups["schema"].Value, match.Groups["extends"].Success ? match.Groups["extends"].Value : null,
                Field().Matches(match.Groups["body"].Value).ToDictionary(field => field.Groups["field"].Value, field => field.Groups["type"].Value.Contains("| null", StringComparison.Ordinal))));

    [GeneratedRegex(@"/\*\* @schema (?<schema>\w+)[^*]*\*/\s*export interface (?<name>\w+)(?: extends (?<extends>\w+))? \{(?<body>[^}]*)\}")]
    private static partial Regex Interface();

    [GeneratedRegex(@"^\s*(?<field>\w+): (?<type>[^;]+);", RegexOptions.Multiline)]
    private static partial Regex Field();
}
