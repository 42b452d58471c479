using Registry.Auth.Permissions;
using Registry.Auth.Tokens;
using Registry.Domain.Errors;

namespace Registry.Publish.Auth;

/// <summary>
/// The bearer token every write carries, checked with the registry's public key, and the permission checks on
/// top of it. 401 for a missing or bad token, 403 for a good token without the right.
/// </summary>
public sealed class WriteAuthorization(RegistryTokenValidator validator)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>The claims of the token in an <c>Authorization</c> header value (null when the header is absent).</summary>
    public RegistryTokenClaims Authenticate(string? authorizationHeader)
    {
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            throw RegistryErrors.TokenRequired();
        }

        if (authorizationHeader.Length <= BearerPrefix.Length || !authorizationHeader.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw RegistryErrors.MalformedAuthorization();
        }

        try
        {
            return validator.Validate(authorizationHeader[BearerPrefix.Length..].Trim());
        }
        catch (RegistryTokenException ex)
        {
            throw RegistryErrors.TokenInvalid(ex.Message);
        }
    }

    public static void RequirePublish(RegistryTokenClaims claims, string serverName) =>
        Require(claims, PermissionActions.Publish, serverName);

    public static void RequireEdit(RegistryTokenClaims claims, string serverName) =>
        Require(claims, PermissionActions.Edit, serverName);

    /// <summary>The pattern of an <c>annotate</c> permission matches annotation keys, not server names.</summary>
    public static void RequireAnnotate(RegistryTokenClaims claims, string annotationKey) =>
        Require(claims, PermissionActions.Annotate, annotationKey);

    public static void RequirePublishOrEdit(RegistryTokenClaims claims, string serverName)
    {
        if (!PermissionMatcher.Allows(claims.Permissions, PermissionActions.Publish, serverName)
            && !PermissionMatcher.Allows(claims.Permissions, PermissionActions.Edit, serverName))
        {
            throw RegistryErrors.PublishOrEditDenied(PermissionMatcher.PatternsFor(claims.Permissions, PermissionActions.Publish));
        }
    }

    /// <summary>Reading the audit trail: the audit permission, whose pattern is <c>*</c>.</summary>
    public static void RequireAudit(RegistryTokenClaims claims)
    {
        if (!PermissionMatcher.Allows(claims.Permissions, PermissionActions.Audit, PermissionMatcher.Everything))
        {
            throw RegistryErrors.AuditDenied();
        }
    }

    private static void Require(RegistryTokenClaims claims, string action, string resource)
    {
        if (!PermissionMatcher.Allows(claims.Permissions, action, resource))
        {
            throw RegistryErrors.PermissionDenied(action, resource, PermissionMatcher.PatternsFor(claims.Permissions, action));
        }
    }
}
