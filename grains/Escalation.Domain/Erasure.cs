namespace Escalation;

/// <summary>What erased personal data reads as, wherever it was kept (a customer's erasure, the retention of closed complaints).</summary>
public static class Erasure
{
    public const string Mark = "[erased]";
}
