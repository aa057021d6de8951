namespace Escalation.Grains;

/// <summary>The one grain storage provider every grain of the product persists to.</summary>
public static class StorageNames
{
    public const string Escalation = "escalation";
}
