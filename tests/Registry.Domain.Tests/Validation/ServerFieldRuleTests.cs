using Registry.Domain.Validation;
using static Registry.Domain.Tests.Validation.ServerDocuments;

namespace Registry.Domain.Tests.Validation;

public class ServerFieldRuleTests
{
    [Theory]
    [InlineData("""{"name": "no-namespace-separator"}""", "name", "invalid-server-name")]
    [InlineData("""{"name": "io.github/user/weather"}""", "name", "invalid-server-name")]
    [InlineData("""{"name": "a/weather"}""", "name", "invalid-server-name")]
    [InlineData("""{"name": "io.github.user/w"}""", "name", "invalid-server-name")]
    [InlineData("""{"name": "-io.github.user/weather"}""", "name", "invalid-server-name")]
    [InlineData("""{"name": "io.github.user/weather_"}""", "name", "invalid-server-name")]
    [InlineData("""{"name": "io_github/weather"}""", "name", "invalid-server-name")]
    [InlineData("""{"version": "latest"}""", "version", "reserved-version")]
    [InlineData("""{"version": "^1.2.3"}""", "version", "version-looks-like-range")]
    [InlineData("""{"version": "1.x"}""", "version", "version-looks-like-range")]
    [InlineData("""{"version": "*"}""", "version", "version-looks-like-range")]
    [InlineData("""{"version": "x"}""", "version", "version-looks-like-range")]
    [InlineData("""{"version": "1 - 2"}""", "version", "version-looks-like-range")]
    [InlineData("""{"version": "1 || 2"}""", "version", "version-looks-like-range")]
    [InlineData("""{"version": ">=1"}""", "version", "version-looks-like-range")]
    [InlineData("""{"version": ""}""", "version", "blank-version")]
    [InlineData("""{"version": "   "}""", "version", "blank-version")]
    [InlineData("""{"version": "1.0.0\n"}""", "version", "version-has-control-characters")]
    [InlineData("""{"version": "1.0\u00010"}""", "version", "version-has-control-characters")]
    [InlineData("""{"version": " 1.0.0"}""", "version", "padded-version")]
    [InlineData("""{"packages": [{"registryType": "npm", "identifier": "a", "version": "", "transport": {"type": "stdio"}}]}""", "packages[0].version", "blank-version")]
    [InlineData("""{"websiteUrl": "http://example.com"}""", "websiteUrl", "website-url-not-https")]
    [InlineData("""{"websiteUrl": "/docs"}""", "websiteUrl", "website-url-not-https")]
    [InlineData("""{"websiteUrl": "example.com"}""", "websiteUrl", "website-url-not-https")]
    [InlineData("""{"title": "   "}""", "title", "blank-title")]
    [InlineData("""{"icons": [{"src": "https://example.com/a.png"}, {"src": "http://example.com/b.png"}]}""", "icons[1].src", "icon-src-not-https")]
    [InlineData("""{"icons": [{"src": "data:image/png;base64,AAAA"}]}""", "icons[0].src", "icon-src-not-https")]
    [InlineData("""{"repository": {"url": "https://bitbucket.org/user/weather", "source": "bitbucket"}}""", "repository.source", "unsupported-repository-source")]
    [InlineData("""{"repository": {"url": "https://github.com/user/weather"}}""", "repository.source", "unsupported-repository-source")]
    [InlineData("""{"repository": {"url": "https://gitlab.com/user/weather", "source": "github"}}""", "repository.url", "invalid-repository-url")]
    [InlineData("""{"repository": {"url": "https://github.com/user", "source": "github"}}""", "repository.url", "invalid-repository-url")]
    [InlineData("""{"repository": {"url": "https://github.com/user/weather/tree/main", "source": "github"}}""", "repository.url", "invalid-repository-url")]
    [InlineData("""{"repository": {"url": "ftp://github.com/user/weather", "source": "github"}}""", "repository.url", "invalid-repository-url")]
    [InlineData("""{"repository": {"url": "https://github.com/user/weather", "source": "github", "subfolder": "/src"}}""", "repository.subfolder", "invalid-subfolder")]
    [InlineData("""{"repository": {"url": "https://github.com/user/weather", "source": "github", "subfolder": "src/"}}""", "repository.subfolder", "invalid-subfolder")]
    [InlineData("""{"repository": {"url": "https://github.com/user/weather", "source": "github", "subfolder": "src/../etc"}}""", "repository.subfolder", "invalid-subfolder")]
    [InlineData("""{"repository": {"url": "https://github.com/user/weather", "source": "github", "subfolder": "src//weather"}}""", "repository.subfolder", "invalid-subfolder")]
    [InlineData("""{"repository": {"url": "https://github.com/user/weather", "source": "github", "subfolder": "./src"}}""", "repository.subfolder", "invalid-subfolder")]
    [InlineData("""{"repository": {"url": "https://github.com/user/weather", "source": "github", "subfolder": "src/we ather"}}""", "repository.subfolder", "invalid-subfolder")]
    public void ABrokenServerFieldIsReportedAtThatField(string fields, string path, string reference)
    {
        var issues = Validator.ValidateSemantics(With(fields));

        IssueAssert.Contains(issues, path, reference);
        Assert.All(issues, issue => Assert.Equal(IssueTypes.Semantic, issue.Type));
    }

    [Theory]
    [InlineData("""{"name": "io.github.user/weather"}""")]
    [InlineData("""{"name": "com.example-corp.api/weather.v2_beta"}""")]
    [InlineData("""{"name": "ab/cd"}""")]
    [InlineData("""{"version": "2024-01-01"}""")]
    [InlineData("""{"version": "1.0.0-beta.1"}""")]
    [InlineData("""{"websiteUrl": "https://example.com/docs"}""")]
    [InlineData("""{"title": "Weather"}""")]
    [InlineData("""{"icons": [{"src": "https://example.com/a.png"}]}""")]
    [InlineData("""{"repository": {"url": "https://github.com/user/weather", "source": "github"}}""")]
    [InlineData("""{"repository": {"url": "http://www.github.com/user/weather.js/", "source": "github"}}""")]
    [InlineData("""{"repository": {"url": "https://gitlab.com/group/subgroup/weather", "source": "gitlab"}}""")]
    [InlineData("""{"repository": {"url": "https://github.com/user/weather", "source": "github", "subfolder": "src/weather-server_v2.0"}}""")]
    [InlineData("""{"repository": {"id": "12345"}}""")]
    public void AWellFormedServerFieldPasses(string fields) => IssueAssert.Empty(Validator.ValidateSemantics(With(fields)));
}
