namespace Registry.Auth.Tests;

/// <summary>A clock tests move by hand, so expiry can be tested without waiting.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
