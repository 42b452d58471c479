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
}
