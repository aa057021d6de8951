using Escalation.Complaints;
using Escalation.Events;
using Escalation.Improvements;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Escalation.Api.Http;

/// <summary>
/// The served OpenAPI document describes the JSON as it is written: complaint details and live events are the
/// complaint summary with more fields beside it in one flat object (see the JSON converters), and the hub's event
/// payloads are components too, so that the console's types can be checked against one document.
/// </summary>
internal static class OpenApiContract
{
    public static void Configure(OpenApiOptions options)
    {
        options.AddSchemaTransformer(FlattenComplaint);
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // Times have a converter of their own (UTC, milliseconds), which hides their type from the generator.
            var type = context.JsonTypeInfo.Type;
            if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
            {
                schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            }

            return Task.CompletedTask;
        });
        options.AddDocumentTransformer(async (document, context, cancellationToken) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            foreach (var type in new[] { typeof(ComplaintEvent), typeof(ImprovementEvent), typeof(Console.ResyncEvent) })
            {
                var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
                if (schema.AllOf is [_, ..] parts)
                {
                    // Schemas made here are written inline; the summary part refers to its component instead.
                    parts[0] = new OpenApiSchemaReference(nameof(ComplaintSummary), document);
                }

                document.Components.Schemas[type.Name] = schema;
            }

            // Lets the reference page send a token from /api/auth/login.
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "The accessToken from POST /api/auth/login.",
            };
        });
    }

    /// <summary>Complaint details and live events: the summary's schema, and the fields written beside it (<c>allOf</c>).</summary>
    private static async Task FlattenComplaint(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type != typeof(ComplaintDetails) && type != typeof(ComplaintEvent))
        {
            return;
        }

        var summary = await context.GetOrCreateSchemaAsync(typeof(ComplaintSummary), null, cancellationToken);
        var extras = new Dictionary<string, IOpenApiSchema>();
        async Task Add(string name, Type propertyType, bool nullable = false)
        {
            var property = await context.GetOrCreateSchemaAsync(propertyType, null, cancellationToken);
            extras[name] = nullable ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, property] } : property;
        }

        if (type == typeof(ComplaintDetails))
        {
            await Add("timeline", typeof(IReadOnlyList<TimelineEntry>));
        }
        else
        {
            await Add("complaintId", typeof(Guid));
            await Add("at", typeof(DateTimeOffset));
            // The deadline a warning or escalation is about (an SlaClockKind), or why a delivery failed.
            await Add("reason", typeof(string), nullable: true);
            await Add("dueAt", typeof(DateTimeOffset), nullable: true);
            await Add("level", typeof(int), nullable: true);
            await Add("deliveryId", typeof(Guid), nullable: true);
            await Add("recipients", typeof(IReadOnlyList<string>), nullable: true);
        }

        schema.Type = null;
        schema.Properties = null;
        schema.Required = null;
        schema.AllOf =
        [
            summary,
            new OpenApiSchema { Type = JsonSchemaType.Object, Properties = extras, Required = new HashSet<string>(extras.Keys) },
        ];
    }
}
