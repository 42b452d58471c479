using Grpc.Core;
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

    public RegistryTokenClaims Authenticate(ServerCallContext context)
    {
        var header = context.RequestHeaders.GetValue("authorization");
        if (string.IsNullOrEmpty(header))
        {
            throw new RegistryException(401, "Authorization header is required");
        }

        if (header.Length <= BearerPrefix.Length || !header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new RegistryException(401, "Invalid Authorization header format. Expected 'Bearer <token>'");
        }

        try
        {
            return validator.Validate(header[BearerPrefix.Length..].Trim());
        }
        catch (RegistryTokenException ex)
        {
            throw new RegistryException(401, "Invalid or expired Registry JWT token", [new ErrorDetail(ex.Message)]);
        }
    }

    public static void RequirePublish(RegistryTokenClaims claims, string serverName)
    {
        if (!PermissionMatcher.Allows(claims.Permissions, PermissionActions.Publish, serverName))
        {
            throw new RegistryException(403, DeniedMessage("publish", serverName, claims));
        }
    }

    public static void RequireEdit(RegistryTokenClaims claims, string serverName)
    {
        if (!PermissionMatcher.Allows(claims.Permissions, PermissionActions.Edit, serverName))
        {
            throw new RegistryException(403, DeniedMessage("edit", serverName, claims));
        }
    }

    public static void RequirePublishOrEdit(RegistryTokenClaims claims, string serverName)
    {
        if (!PermissionMatcher.Allows(claims.Permissions, PermissionActions.Publish, serverName)
            && !PermissionMatcher.Allows(claims.Permissions, PermissionActions.Edit, serverName))
        {
            throw new RegistryException(403, "You do not have publish or edit permissions for this server. " + Held("publish", claims));
        }
    }

    private static string DeniedMessage(string action, string serverName, RegistryTokenClaims claims)
    {
        var message = $"You do not have permission to {action} {serverName}. " + Held(action, claims);
        return serverName.StartsWith("io.github.", StringComparison.Ordinal)
            ? message + " If the namespace is a GitHub organisation, make your membership public and log in again."
            : message;
    }

    private static string Held(string action, RegistryTokenClaims claims)
    {
        var patterns = PermissionMatcher.PatternsFor(claims.Permissions, action);
        return patterns.Count == 0
            ? $"Your token grants no {action} permissions."
            : $"Your token grants {action} for: {string.Join(", ", patterns)}";
    }
}
