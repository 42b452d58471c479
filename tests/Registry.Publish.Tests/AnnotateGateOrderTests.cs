using System.Text;
using Google.Api;
using Google.Protobuf;
using static Registry.Publish.Tests.Refusals;
using static Registry.Publish.Tests.ServerDocuments;

namespace Registry.Publish.Tests;

/// <summary>Annotation writes: token, key syntax, annotate on the key, the value, then the store; mirrored names allowed.</summary>
[Collection(PublishHostCollection.Name)]
public sealed class AnnotateGateOrderTests(PublishHost host)
{
    private const string Failed = "Failed to annotate server";
    private const string Key = TestTokens.AnnotationNamespace + "/review";

    private string Annotator => TestTokens.Bearer(host.Tokens.Annotator());

    private static HttpBody Json(string text, string contentType = "application/json") =>
        new() { ContentType = contentType, Data = ByteString.CopyFrom(Encoding.UTF8.GetBytes(text)) };

    private async Task<string> PublishedAsync()
    {
        var document = Minimal(NewName());
        await host.Publisher.PublishAsync(TestTokens.Bearer(host.Tokens.Publisher()), document, default);
        return document["name"]!.GetValue<string>();
    }

    [Fact]
    public Task TheTokenIsCheckedBeforeTheKey() =>
        AssertRefusedAsync(401, "Authorization header is required", () => host.Annotator.SetAsync(null, NewName(), null, "bad", Json("[]"), default));

    [Fact]
    public async Task TheKeyIsCheckedBeforeThePermission()
    {
        var refusal = await AssertRefusedAsync(400, Failed,
            () => host.Annotator.SetAsync(TestTokens.Bearer(host.Tokens.Stranger()), NewName(), null, "bad", Json("{}"), default));

        Assert.Contains("reverse-DNS", Assert.Single(refusal.Errors).Message);
    }

    [Fact]
    public Task AKeyOutsideTheTokensAnnotatePatternsIsForbiddenBeforeTheValueIsRead() =>
        AssertRefusedAsync(403, "You do not have permission to annotate com.other.registry/review. Your token grants annotate for: com.acme.registry/*",
            () => host.Annotator.SetAsync(Annotator, NewName(), null, "com.other.registry/review", Json("[]"), default));

    [Fact]
    public Task PublishingRightsGrantNoAnnotations() =>
        AssertRefusedAsync(403, $"You do not have permission to annotate {Key}. Your token grants no annotate permissions.",
            () => host.Annotator.SetAsync(TestTokens.Bearer(host.Tokens.Administrator()), NewName(), null, Key, Json("{}"), default));

    [Fact]
    public async Task TheValueIsCheckedBeforeTheStore()
    {
        await AssertRefusedAsync(400, Failed, "the annotation must be a JSON object", () => host.Annotator.SetAsync(Annotator, NewName(), null, Key, Json("[]"), default));
        await AssertRefusedAsync(415, "Unsupported Content-Type 'text/plain': send the body as application/json in UTF-8",
            () => host.Annotator.SetAsync(Annotator, NewName(), null, Key, Json("{}", "text/plain"), default));
        await AssertRefusedAsync(404, "Server not found", () => host.Annotator.SetAsync(Annotator, NewName(), null, Key, Json("{}"), default));
    }

    [Fact]
    public async Task AMirroredNameCanBeAnnotatedAndTheWriteIsLoggedAsAnAnnotation()
    {
        var name = await PublishedAsync();
        await host.MirrorAsync(name);

        var stored = await host.Annotator.SetAsync(Annotator, name, "1.0.0", Key, Json("""{"verdict":"approved"}"""), default);

        Assert.Equal(("1.0.0", "example.com"), (stored.Version, stored.UpdatedBy));
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Message.StartsWith($"Annotated {name}@1.0.0 under {Key} in ", StringComparison.Ordinal));
        Assert.Equal(1, await host.Annotator.RemoveAsync(Annotator, name, "1.0.0", Key, default));
        await AssertRefusedAsync(404, "Annotation not found", () => host.Annotator.RemoveAsync(Annotator, name, "1.0.0", Key, default));
    }
}
