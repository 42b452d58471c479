using Registry.Domain.Listing;

namespace Registry.Domain.Tests;

public class ServerCursorTests
{
    [Fact]
    public void CursorSplitsOnTheFirstColon()
    {
        Assert.Equal(new ServerCursor("io.github.user/weather", "1.0.0:build"), ServerCursor.Parse("io.github.user/weather:1.0.0:build"));
    }

    [Fact]
    public void CursorWithoutAColonIsABareName()
    {
        Assert.Equal(new ServerCursor("io.github.user/weather", null), ServerCursor.Parse("io.github.user/weather"));
    }

    [Fact]
    public void FormattedCursorParsesBackToTheSameRow()
    {
        var text = ServerCursor.Format("com.example/api", "2.0.0-rc.1");

        Assert.Equal("com.example/api:2.0.0-rc.1", text);
        Assert.Equal(new ServerCursor("com.example/api", "2.0.0-rc.1"), ServerCursor.Parse(text));
    }

    [Fact]
    public void AnUnfilteredListHandsOutThePlainOfficialCursor() =>
        Assert.Equal("com.example/api:1.0.0", ServerCursor.Format("com.example/api", "1.0.0", ListFilter.None));

    [Fact]
    public void AFilteredCursorCarriesItsRowAndFilterAndHasNoColon()
    {
        var filter = new ListFilter("wea:ther ☀", "latest", "2025-01-01T00:00:00Z", true);

        var text = ServerCursor.Format("io.github.user/weather", "1.0.0:build", filter);

        Assert.StartsWith("f1.", text);
        Assert.DoesNotContain(':', text);
        Assert.Matches("^[A-Za-z0-9._-]+$", text);
        Assert.Equal(new ServerCursor("io.github.user/weather", "1.0.0:build", filter), ServerCursor.Parse(text));
    }

    [Theory]
    [InlineData("f1.")]
    [InlineData("f1.not-base64-json")]
    [InlineData("f1.e30")]
    public void SomethingThatOnlyLooksFilteredIsABareName(string text) =>
        Assert.Equal(new ServerCursor(text, null), ServerCursor.Parse(text));

    [Fact]
    public void ACursorsFilterFillsWhatTheRequestLeavesOutAndTheRequestWins()
    {
        var cursor = ServerCursor.Format("com.example/api", "1.0.0", new ListFilter("api", "latest", null, null));

        var alone = ServerListQueryRules.Build(cursor, null, null, null, null, null);
        var overridden = ServerListQueryRules.Build(cursor, null, "other", null, null, null);

        Assert.Equal(("api", true), (alone.Search, alone.LatestOnly));
        Assert.Equal(("other", true), (overridden.Search, overridden.LatestOnly));
        Assert.Equal(new ServerCursor("com.example/api", "1.0.0", new ListFilter("api", "latest", null, null)), alone.After);
    }
}
