using Registry.Mirror.Sync;

namespace Registry.Mirror.Tests;

public class RetryDelayTests
{
    private readonly RetryDelay delay = new(Microsoft.Extensions.Options.Options.Create(new MirrorOptions
    {
        InitialBackoff = TimeSpan.FromSeconds(1),
        MaxBackoff = TimeSpan.FromSeconds(30),
    }));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 8)]
    [InlineData(6, 30)]
    [InlineData(60, 30)]
    public void BackoffDoublesWithJitterUpToTheMaximum(int failures, int ceilingSeconds)
    {
        for (var i = 0; i < 50; i++)
        {
            var wait = delay.After(failures, retryAfter: null);
            Assert.InRange(wait, TimeSpan.FromSeconds(ceilingSeconds / 2.0), TimeSpan.FromSeconds(ceilingSeconds));
        }
    }

    [Fact]
    public void RetryAfterIsObeyedEvenBeyondTheMaximumBackoff() =>
        Assert.Equal(TimeSpan.FromSeconds(90), delay.After(1, TimeSpan.FromSeconds(90)));

    [Fact]
    public void ARetryAfterInThePastMeansNow() =>
        Assert.Equal(TimeSpan.Zero, delay.After(3, TimeSpan.FromSeconds(-5)));
}
