using System.Text;
using Microsoft.AspNetCore.Http;
using Registry.Gateway.Caching;

namespace Registry.Gateway.Tests;

public class CachedResponseTests
{
    [Fact]
    public void AStoredAnswerReadsBackUnchanged()
    {
        var storedAt = new DateTimeOffset(2026, 12, 1, 10, 30, 15, 123, TimeSpan.Zero);
        var answer = CachedResponse.Create("application/json; charset=utf-8", Encoding.UTF8.GetBytes("{\"servers\":[]}"), storedAt);

        var read = CachedResponse.Deserialize(answer.Serialize());

        Assert.NotNull(read);
        Assert.Equal(answer.EntityTag, read!.EntityTag);
        Assert.Equal(answer.ContentType, read.ContentType);
        Assert.Equal(answer.Body, read.Body);
        Assert.Equal(storedAt, read.StoredAt);
        Assert.Equal(90, read.AgeSeconds(storedAt.AddSeconds(90.7)));
        Assert.Empty(read.Headers);
    }

    [Fact]
    public void APageKeepsItsSecurityHeadersAndNothingElse()
    {
        var headers = new HeaderDictionary
        {
            ["Content-Security-Policy"] = "default-src 'none'",
            ["X-Frame-Options"] = "DENY",
            ["Date"] = "Tue, 01 Dec 2026 10:00:00 GMT",
            ["X-Registry-Cache"] = "miss",
        };
        var page = CachedResponse.Create("text/html; charset=utf-8", "<!DOCTYPE html>"u8.ToArray(), DateTimeOffset.UnixEpoch, headers);

        var read = CachedResponse.Deserialize(page.Serialize())!;

        Assert.Equal([KeyValuePair.Create("Content-Security-Policy", "default-src 'none'"), KeyValuePair.Create("X-Frame-Options", "DENY")], read.Headers);
        Assert.Equal(page.Body, read.Body);
    }

    [Fact]
    public void TheTagIsStrongAndFollowsTheBytes()
    {
        var one = CachedResponse.Create("application/json", "{\"a\":1}"u8.ToArray(), DateTimeOffset.UnixEpoch);
        var same = CachedResponse.Create("application/json", "{\"a\":1}"u8.ToArray(), DateTimeOffset.UnixEpoch);
        var other = CachedResponse.Create("application/json", "{\"a\":2}"u8.ToArray(), DateTimeOffset.UnixEpoch);

        Assert.Matches("^\"[0-9a-f]{32}\"$", one.EntityTag);
        Assert.Equal(one.EntityTag, same.EntityTag);
        Assert.NotEqual(one.EntityTag, other.EntityTag);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 9, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 1, 0, 200, 0, 0 })]
    [InlineData(new byte[] { 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 200, 0, 0 })]
    [InlineData(new byte[] { 3, 0, 0, 0, 0, 0, 0, 0, 0, 200 })]
    [InlineData(new byte[] { 3, 0, 0, 0, 0, 0, 0, 0, 0, 1, 65, 1, 66, 5 })]
    public void AnythingElseInTheCacheIsAMiss(byte[] stored)
    {
        Assert.Null(CachedResponse.Deserialize(stored));
    }

    [Theory]
    [InlineData("\"abc\"", true)]
    [InlineData("W/\"abc\"", true)]
    [InlineData("\"x\", \"abc\"", true)]
    [InlineData("*", true)]
    [InlineData("\"abd\"", false)]
    [InlineData("abc", false)]
    public void IfNoneMatchComparesWeakly(string header, bool matches)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.IfNoneMatch = header;

        Assert.Equal(matches, HttpValidators.IsNotModified(context.Request, "\"abc\""));
    }
}
