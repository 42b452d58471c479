namespace Registry.Domain.Validation.Semantics;

/// <summary>The stable rule ids reported as <see cref="ValidationIssue.Reference"/> by the semantic checks.</summary>
internal static class SemanticReferences
{
    public const string InvalidServerName = "invalid-server-name";
    public const string BlankVersion = "blank-version";
    public const string VersionHasControlCharacters = "version-has-control-characters";
    public const string PaddedVersion = "padded-version";
    public const string ReservedVersion = "reserved-version";
    public const string VersionLooksLikeRange = "version-looks-like-range";
    public const string UnsupportedRepositorySource = "unsupported-repository-source";
    public const string InvalidRepositoryUrl = "invalid-repository-url";
    public const string InvalidSubfolder = "invalid-subfolder";
    public const string WebsiteUrlNotHttps = "website-url-not-https";
    public const string BlankTitle = "blank-title";
    public const string IconSrcNotHttps = "icon-src-not-https";
    public const string IdentifierContainsSpaces = "identifier-contains-spaces";
    public const string NamedArgumentNameMissing = "named-argument-name-missing";
    public const string InvalidArgumentName = "invalid-argument-name";
    public const string ArgumentValueStartsWithName = "argument-value-starts-with-name";
    public const string ArgumentDefaultStartsWithName = "argument-default-starts-with-name";
    public const string StdioTransportWithUrl = "stdio-transport-with-url";
    public const string TransportUrlRequired = "transport-url-required";
    public const string InvalidTransportUrl = "invalid-transport-url";
    public const string UnknownUrlVariable = "unknown-url-variable";
    public const string UnsupportedTransportType = "unsupported-transport-type";
    public const string InvalidRemoteUrl = "invalid-remote-url";
    public const string RemoteUrlNotHttps = "remote-url-not-https";
    public const string RemoteUrlLocalhost = "remote-url-localhost";
}
