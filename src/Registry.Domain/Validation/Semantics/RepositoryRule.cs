using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Registry.Domain.Validation.Semantics;

/// <summary>
/// Once a repository names a url or a source, the source must be GitHub or GitLab and the url a repository page on
/// that host. GitLab URLs may carry subgroups (gitlab.com/group/subgroup/repo), as GitLab projects really do.
/// </summary>
internal sealed partial class RepositoryRule : ISemanticRule
{
    public IEnumerable<ValidationIssue> Check(JsonObject server)
    {
        var repository = JsonFields.Object(server, "repository");
        var url = JsonFields.String(repository, "url") ?? "";
        var source = JsonFields.String(repository, "source") ?? "";
        if (url.Length == 0 && source.Length == 0)
        {
            yield break;
        }

        var pattern = source switch
        {
            "github" => GitHubRepository(),
            "gitlab" => GitLabRepository(),
            _ => null,
        };

        if (pattern is null)
        {
            yield return SemanticIssue.Error("repository.source", $"Repository source '{source}' is not supported; use 'github' or 'gitlab'", SemanticReferences.UnsupportedRepositorySource);
        }
        else if (!pattern.IsMatch(url))
        {
            yield return SemanticIssue.Error("repository.url", $"Repository URL '{url}' is not a {source} repository URL like https://{source}.com/<owner>/<repo>", SemanticReferences.InvalidRepositoryUrl);
        }
    }

    [GeneratedRegex(@"^https?://(www\.)?github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/?$")]
    private static partial Regex GitHubRepository();

    [GeneratedRegex(@"^https?://(www\.)?gitlab\.com/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)+/?$")]
    private static partial Regex GitLabRepository();
}
