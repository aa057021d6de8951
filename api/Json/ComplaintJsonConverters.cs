using System.Text.Json;
using System.Text.Json.Serialization;
using Escalation.Complaints;
using Escalation.Events;

namespace Escalation.Api.Json;

/// <summary>
/// Complaint details and live events are the complaint summary with more fields beside it, in one flat object
/// (<c>{ …summary, timeline }</c>, <c>{ complaintId, at, …summary, reason, dueAt, level, deliveryId, recipients }</c>; a delivery
/// failure's <c>reason</c> says why it failed, a warning's or escalation's which deadline).
/// </summary>
internal static class ComplaintJsonConverters
{
    public sealed class DetailsConverter : JsonConverter<ComplaintDetails>
    {
        public override ComplaintDetails Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Complaint details are only written.");

        public override void Write(Utf8JsonWriter writer, ComplaintDetails value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            WriteSummary(writer, value.Summary, options);
            writer.WritePropertyName("timeline");
            JsonSerializer.Serialize(writer, value.Timeline, options);
            writer.WriteEndObject();
        }
    }

    public sealed class EventConverter : JsonConverter<ComplaintEvent>
    {
        public override ComplaintEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Complaint events are only written.");

        public override void Write(Utf8JsonWriter writer, ComplaintEvent value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("complaintId", value.Complaint.Id);
            writer.WritePropertyName("at");
            JsonSerializer.Serialize(writer, value.At, options);
            WriteSummary(writer, value.Complaint, options);
            writer.WritePropertyName("reason");
            if (value.Kind == ComplaintEventKind.DeliveryFailed)
            {
                writer.WriteStringValue(value.Failure);
            }
            else
            {
                JsonSerializer.Serialize(writer, value.Reason, options);
            }

            writer.WritePropertyName("dueAt");
            JsonSerializer.Serialize(writer, value.DueAt, options);
            writer.WritePropertyName("level");
            JsonSerializer.Serialize(writer, value.Level, options);
            writer.WritePropertyName("deliveryId");
            JsonSerializer.Serialize(writer, value.DeliveryId, options);
            writer.WritePropertyName("recipients");
            JsonSerializer.Serialize(writer, value.Recipients, options);
            writer.WriteEndObject();
        }
    }

    private static void WriteSummary(Utf8JsonWriter writer, ComplaintSummary summary, JsonSerializerOptions options)
    {
        foreach (var property in JsonSerializer.SerializeToElement(summary, options).EnumerateObject())
        {
            property.WriteTo(writer);
        }
    }
}
