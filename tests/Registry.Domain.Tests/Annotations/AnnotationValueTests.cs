using System.Text;
using Registry.Domain.Annotations;
using Registry.Domain.Errors;

namespace Registry.Domain.Tests.Annotations;

public class AnnotationValueTests
{
    private static string Parse(string body) => AnnotationValue.Parse(Encoding.UTF8.GetBytes(body));

    private static RegistryException Refusal(string body) => Assert.Throws<RegistryException>(() => Parse(body));

    [Fact]
    public void AnObjectIsStoredCompact() =>
        Assert.Equal("""{"verdict":"approved","n":1}""", Parse("""{ "verdict" : "approved", "n": 1 }"""));

    [Theory]
    [InlineData("[1]")]
    [InlineData("\"approved\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void AValueThatIsNotAnObjectIsA400(string body)
    {
        var error = Refusal(body);

        Assert.Equal(400, error.Status);
        Assert.Equal("the annotation must be a JSON object", Assert.Single(error.Errors).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("""{"a":1,"a":2}""")]
    public void ABodyThatIsNoJsonObjectAtAllIsA400(string body) => Assert.Equal(400, Refusal(body).Status);

    [Fact]
    public void FourKilobytesAreAllowedAndOneByteMoreIsNot()
    {
        var padding = AnnotationValue.MaxBytes - """{"a":""}""".Length;
        Assert.Equal(AnnotationValue.MaxBytes, Parse($$"""{"a":"{{new string('x', padding)}}"}""").Length);

        var error = Refusal($$"""{"a":"{{new string('x', padding + 1)}}"}""");

        Assert.Contains("4096 bytes", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public void TheLimitCountsUtf8BytesNotCharacters()
    {
        var error = Refusal($$"""{"a":"{{new string('é', AnnotationValue.MaxBytes / 2)}}"}""");

        Assert.Equal(400, error.Status);
    }

    [Fact]
    public void WhitespaceTheClientSentDoesNotCountAgainstTheLimit()
    {
        var padded = "{" + new string(' ', AnnotationValue.MaxBytes) + "\"a\":1}";

        Assert.Equal("""{"a":1}""", Parse(padded));
    }
}
