using Registry.Domain.Errors;
using Registry.Domain.Requests;

namespace Registry.Domain.Tests.Requests;

public class JsonMediaTypeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("application/json")]
    [InlineData("Application/JSON")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=\"UTF-8\"")]
    [InlineData("application/json;charset=utf8")]
    [InlineData("application/merge-patch+json")]
    public void JsonInUtf8IsAccepted(string? contentType) => Assert.True(JsonMediaType.IsAcceptable(contentType));

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=latin1")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("text/json+xml")]
    [InlineData("application/xml")]
    [InlineData("not a media type")]
    public void AnythingElseIsUnsupported(string contentType)
    {
        Assert.False(JsonMediaType.IsAcceptable(contentType));
        Assert.Equal(415, Assert.Throws<RegistryException>(() => JsonMediaType.Require(contentType)).Status);
    }
}
