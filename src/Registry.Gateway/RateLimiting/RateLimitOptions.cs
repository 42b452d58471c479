namespace Registry.Gateway.RateLimiting;

/// <summary>The <c>Registry:RateLimit</c> section: a token bucket per client address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Registry:RateLimit";

    public bool Enabled { get; set; } = true;

    /// <summary>The sustained rate: tokens come back at this pace.</summary>
    public int RequestsPerMinute { get; set; } = 180;

    /// <summary>The bucket size: how many requests a quiet client may send at once.</summary>
    public int Burst { get; set; } = 540;
}
