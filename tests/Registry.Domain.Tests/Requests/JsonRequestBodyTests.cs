using System.Text;
using Registry.Domain.Errors;
using Registry.Domain.Requests;

namespace Registry.Domain.Tests.Requests;

public class JsonRequestBodyTests
{
    [Theory]
    [InlineData("""{"description":"a","description":"b"}""", "twice")]
    [InlineData("""{"name":"x","nested":{"k":1,"k":2}}""", "twice")]
    [InlineData("""{"description":"a\u0000b"}""", "NUL")]
    [InlineData("""{"a\u0000":"b"}""", "NUL")]
    [InlineData("""{"version":"1.0.0\u0000"}""", "NUL")]
    [InlineData("""{"description":"\ud800"}""", "surrogate")]
    [InlineData("""{"description":"\udc00\ud800"}""", "surrogate")]
    [InlineData("""{"_meta":{"n":1e999}}""", "64-bit float")]
    [InlineData("""{"_meta":{"n":-1e400}}""", "64-bit float")]
    [InlineData("""{"a":""", "not valid JSON")]
    [InlineData("""{"a":1,}""", "not valid JSON")]
    public void RefusesBodiesThatCannotBeStoredAsSent(string body, string reason)
    {
        var problem = JsonRequestBody.Problem(Encoding.UTF8.GetBytes(body));

        Assert.NotNull(problem);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void RefusesBytesThatAreNotUtf8()
    {
        byte[] body = [.. "{\"description\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.Equal("Request body is not valid UTF-8", JsonRequestBody.Problem(body));
    }

    [Fact]
    public void RefusesNestingDeeperThanTheLimit()
    {
        var body = new string('[', JsonRequestBody.MaxDepth + 1) + new string(']', JsonRequestBody.MaxDepth + 1);

        Assert.Contains("not valid JSON", JsonRequestBody.Problem(Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData("""{"description":"café ☕ 😀 \ud83d\ude00","n":1.5e300,"same":{"k":1},"other":{"k":2}}""")]
    [InlineData("""[1,2,{"a":null}]""")]
    [InlineData("\uFEFF{\"a\":1}")]
    public void AcceptsOrdinaryJson(string body) => Assert.Null(JsonRequestBody.Problem(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void ADocumentMustBeAnObject()
    {
        var error = Assert.Throws<RegistryException>(() => JsonRequestBody.ParseObject("[1]"u8));

        Assert.Equal(400, error.Status);
        Assert.Equal("Request body must be a JSON object", error.Detail);
    }

    [Fact]
    public void AnEmptyBodyIsRequired() =>
        Assert.Equal("Request body is required", Assert.Throws<RegistryException>(() => JsonRequestBody.ParseObject([])).Detail);

    [Fact]
    public void ParsesADocumentWithKeysInTheirOrder()
    {
        var document = JsonRequestBody.ParseObject("""{"b":1,"a":"x"}"""u8);

        Assert.Equal(["b", "a"], document.Select(p => p.Key));
    }
}
