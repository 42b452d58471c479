using System.ComponentModel.DataAnnotations;

namespace Registry.Gateway;

/// <summary>The <c>Registry:RateLimit</c> section: a token bucket per client address.</summary>
public sealed class RateLimitOptions : IBoundOptions
{
    public static string Section => "Registry:RateLimit";

    public bool Enabled { get; set; } = true;

    /// <summary>The sustained rate: tokens come back at this pace.</summary>
    [Range(1, int.MaxValue)]
    public int RequestsPerMinute { get; set; } = 180;

    /// <summary>The bucket size: how many requests a quiet client may send at once.</summary>
    [Range(1, int.MaxValue)]
    public int Burst { get; set; } = 540;
}
