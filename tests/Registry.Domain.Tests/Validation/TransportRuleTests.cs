using static Registry.Domain.Tests.Validation.ServerDocuments;

namespace Registry.Domain.Tests.Validation;

public class TransportRuleTests
{
    [Theory]
    [InlineData("""{"transport": {"type": "stdio", "url": "http://localhost:3000"}}""", "packages[0].transport.url", "stdio-transport-with-url")]
    [InlineData("""{"transport": {"type": "streamable-http"}}""", "packages[0].transport.url", "transport-url-required")]
    [InlineData("""{"transport": {"type": "sse", "url": ""}}""", "packages[0].transport.url", "transport-url-required")]
    [InlineData("""{"transport": {"type": "streamable-http", "url": "localhost:3000/mcp"}}""", "packages[0].transport.url", "invalid-transport-url")]
    [InlineData("""{"transport": {"type": "streamable-http", "url": "ftp://example.com/mcp"}}""", "packages[0].transport.url", "invalid-transport-url")]
    [InlineData("""{"transport": {"type": "sse", "url": "http:///sse"}}""", "packages[0].transport.url", "invalid-transport-url")]
    [InlineData("""{"transport": {"type": "streamable-http", "url": "http://localhost:{port}/mcp"}}""", "packages[0].transport.url", "unknown-url-variable")]
    [InlineData("""{"transport": {"type": "streamable-http", "url": "http://localhost:{port}/mcp"}, "packageArguments": [{"type": "named", "name": "--port"}]}""", "packages[0].transport.url", "unknown-url-variable")]
    [InlineData("""{"transport": {"type": "websocket", "url": "ws://localhost"}}""", "packages[0].transport.type", "unsupported-transport-type")]
    public void ABrokenPackageTransportIsReportedAtThatField(string fields, string path, string reference) =>
        IssueAssert.Contains(Validator.ValidateSemantics(WithPackageFields(fields)), path, reference);

    [Theory]
    [InlineData("""{"transport": {"type": "stdio"}}""")]
    [InlineData("""{"transport": {"type": "streamable-http", "url": "http://localhost:3000/mcp"}}""")]
    [InlineData("""{"transport": {"type": "streamable-http", "url": "http://localhost:{--port}/mcp"}, "packageArguments": [{"type": "named", "name": "--port"}]}""")]
    [InlineData("""{"transport": {"type": "sse", "url": "http://{host}:{port}/sse"}, "environmentVariables": [{"name": "host"}], "runtimeArguments": [{"type": "positional", "valueHint": "port"}]}""")]
    [InlineData("""{"transport": {"type": "sse", "url": "https://{tenant}.example.com/sse"}, "packageArguments": [{"type": "positional", "valueHint": "tenant"}]}""")]
    public void AWellFormedPackageTransportPasses(string fields) =>
        IssueAssert.Empty(Validator.ValidateSemantics(WithPackageFields(fields)));

    [Theory]
    [InlineData("""{"type": "stdio", "url": "https://example.com/mcp"}""", "remotes[0].type", "unsupported-transport-type")]
    [InlineData("""{"type": "streamable-http"}""", "remotes[0].url", "transport-url-required")]
    [InlineData("""{"type": "sse", "url": "not a url"}""", "remotes[0].url", "invalid-remote-url")]
    [InlineData("""{"type": "streamable-http", "url": "http://example.com/mcp"}""", "remotes[0].url", "remote-url-not-https")]
    [InlineData("""{"type": "streamable-http", "url": "https://localhost/mcp"}""", "remotes[0].url", "remote-url-localhost")]
    [InlineData("""{"type": "streamable-http", "url": "https://127.0.0.1:8443/mcp"}""", "remotes[0].url", "remote-url-localhost")]
    [InlineData("""{"type": "sse", "url": "https://api.localhost/sse"}""", "remotes[0].url", "remote-url-localhost")]
    [InlineData("""{"type": "sse", "url": "https://example.com/{tenant}/sse"}""", "remotes[0].url", "unknown-url-variable")]
    [InlineData("""{"type": "sse", "url": "https://example.com/{tenant}/sse", "variables": {"region": {}}}""", "remotes[0].url", "unknown-url-variable")]
    public void ABrokenRemoteIsReportedAtThatField(string remote, string path, string reference) =>
        IssueAssert.Contains(Validator.ValidateSemantics(WithRemote(remote)), path, reference);

    [Theory]
    [InlineData("""{"type": "streamable-http", "url": "https://mcp.example.com/mcp"}""")]
    [InlineData("""{"type": "sse", "url": "https://example.com/{tenant}/sse", "variables": {"tenant": {"isRequired": true}}}""")]
    [InlineData("""{"type": "sse", "url": "https://{region}.example.com:{port}/sse", "variables": {"region": {}, "port": {}}}""")]
    [InlineData("""{"type": "streamable-http", "url": "https://mcp.other-domain.org/mcp"}""")]
    public void AWellFormedRemotePasses(string remote) =>
        IssueAssert.Empty(Validator.ValidateSemantics(WithRemote(remote)));

    [Fact]
    public void EachUnknownVariableIsNamedInItsOwnIssue()
    {
        var issues = Validator.ValidateSemantics(WithRemote("""{"type": "sse", "url": "https://{a}.example.com/{b}", "variables": {"c": {}}}"""));

        Assert.Equal(2, issues.Count);
        Assert.Contains("'{a}'", issues[0].Message);
        Assert.Contains("'{b}'", issues[1].Message);
    }
}
