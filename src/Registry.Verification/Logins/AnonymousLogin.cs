using Microsoft.Extensions.Options;
using Registry.Auth.Permissions;
using Registry.Auth.Tokens;

namespace Registry.Verification.Logins;

/// <summary>Anonymous publishing into one sandbox namespace, for development registries.</summary>
public sealed class AnonymousLogin(IOptions<AuthOptions> options)
{
    public const string Namespace = "io.modelcontextprotocol.anonymous/*";

    public TokenGrant Login()
    {
        if (!options.Value.AnonymousEnabled)
        {
            throw LoginErrors.MethodNotEnabled("/v0/auth/none");
        }

        return new TokenGrant(AuthMethods.None, "anonymous",
        [
            new Permission(PermissionActions.Publish, Namespace),
            new Permission(PermissionActions.Edit, Namespace),
        ]);
    }
}
