using Registry.Domain.Listing;

namespace Registry.Domain.Tests;

public class Rfc3339Tests
{
    [Theory]
    [InlineData("2025-08-07T13:15:04Z", "2025-08-07T13:15:04.0000000+00:00")]
    [InlineData("2025-08-07T13:15:04.280Z", "2025-08-07T13:15:04.2800000+00:00")]
    [InlineData("2025-08-07T15:15:04+02:00", "2025-08-07T15:15:04.0000000+02:00")]
    [InlineData("2025-08-07T13:15:04.123456789Z", "2025-08-07T13:15:04.1234567+00:00")]
    public void ValidTimestampsParse(string text, string expected)
    {
        Assert.True(Rfc3339.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected), value);
        Assert.Equal(DateTimeOffset.Parse(expected).Offset, value.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-08-07T13:15:04")]
    [InlineData("2025-08-07t13:15:04z")]
    [InlineData("2025-02-30T13:15:04Z")]
    [InlineData("1754572504")]
    public void InvalidTimestampsAreRejected(string text) => Assert.False(Rfc3339.TryParse(text, out _));
}
