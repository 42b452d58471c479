using System.Text.Json;
using System.Text.Json.Nodes;

namespace Registry.Domain.Validation.Schema;

/// <summary>
/// The <c>$schema</c> rule run on publish, edit and validate: it must name one of the embedded dated
/// schemas; naming an older one is allowed but warned about.
/// </summary>
internal static class SchemaVersionRule
{
    public const string FieldRequired = "schema-field-required";
    public const string UrlInvalid = "schema-url-invalid";
    public const string VersionNotAvailable = "schema-version-not-available";
    public const string VersionDeprecated = "schema-version-deprecated";

    private const string Path = "$schema";

    public static IReadOnlyList<ValidationIssue> Check(JsonObject document)
    {
        var node = document[Path];
        if (node is null)
        {
            return [Error("$schema is required", FieldRequired)];
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            return [Error("$schema must be a string holding the URL of a server.json schema", UrlInvalid)];
        }

        var url = node.GetValue<string>();
        if (url.Trim().Length == 0)
        {
            return [Error("$schema is required", FieldRequired)];
        }

        if (!ServerSchemaVersions.TryReadVersion(url, out var version))
        {
            return [Error($"$schema '{url}' does not name a server.json schema (expected a URL like {ServerSchemaVersions.UrlFor(ServerSchemaVersions.Current)})", UrlInvalid)];
        }

        if (!ServerSchemaVersions.IsSupported(version))
        {
            var supported = string.Join(", ", ServerSchemaVersions.Supported);
            return [Error($"Schema version '{version}' is not available; supported versions: {supported}", VersionNotAvailable)];
        }

        if (version != ServerSchemaVersions.Current)
        {
            var current = ServerSchemaVersions.UrlFor(ServerSchemaVersions.Current);
            return [new ValidationIssue(IssueTypes.Schema, Path, $"Schema version '{version}' is not the current one; consider updating $schema to {current}", IssueSeverities.Warning, VersionDeprecated)];
        }

        return [];
    }

    private static ValidationIssue Error(string message, string reference) =>
        new(IssueTypes.Schema, Path, message, IssueSeverities.Error, reference);
}
