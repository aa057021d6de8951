namespace Escalation.Triage;

/// <summary>What a complaint is about (contract values: productQuality, service, delivery, easeOfUse, billing, other).</summary>
public enum Topic
{
    ProductQuality,
    Service,
    Delivery,
    EaseOfUse,
    Billing,
    Other,
}
