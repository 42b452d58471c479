using System.Text.Json.Nodes;

namespace Registry.Domain.Validation.Semantics;

/// <summary>Every semantic rule, run in document order (name, version, repository ... remotes).</summary>
internal static class SemanticChecks
{
    private static readonly ISemanticRule[] Rules =
    [
        new ServerNameRule(),
        new ServerVersionRule(),
        new RepositoryRule(),
        new SubfolderRule(),
        new WebsiteUrlRule(),
        new TitleRule(),
        new IconSourceRule(),
        new PackageIdentifierRule(),
        new PackageVersionRule(),
        new NamedArgumentRule(),
        new PackageTransportRule(),
        new RemoteTransportRule(),
    ];

    public static IReadOnlyList<ValidationIssue> Check(JsonObject server) => [.. Rules.SelectMany(rule => rule.Check(server))];
}
