using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Escalation.Sla;

namespace Escalation.Api.Json;

/// <summary>
/// The contract's JSON: camelCase names and enum values (priorities stay <c>P1</c>..<c>P4</c>), nulls written,
/// times as UTC with a <c>Z</c> and milliseconds, letters of every script as they are (UTF-8; the characters HTML
/// gives meaning to stay escaped). Shared by the REST endpoints and the SignalR hub.
/// </summary>
internal static class JsonSetup
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter<Priority>(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new UtcTimeConverter());
        options.Converters.Add(new ComplaintJsonConverters.DetailsConverter());
        options.Converters.Add(new ComplaintJsonConverters.EventConverter());
    }

    public static string ToCamelCase(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>Reads only request bodies: a time outside <see cref="TimeBounds"/> makes the body invalid.</summary>
    private sealed class UtcTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            !DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
                ? throw new JsonException("Expected an ISO 8601 time such as 2026-11-23T07:30:00.000Z.")
                : !TimeBounds.Contains(value) ? throw new JsonException(TimeBounds.Rule)
                : value.ToUniversalTime();

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    }
}
