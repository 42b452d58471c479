using Registry.Auth.Permissions;

namespace Registry.Auth.Reading;

/// <summary>
/// Who reads: nobody in particular (no token), or the subject of a valid registry token or OIDC access token with
/// its claims (each claim's values; a registry token contributes <c>sub</c> and <c>auth_method</c>) and, for a
/// registry token, its permissions.
/// </summary>
public sealed record ReadCaller(string? Subject, IReadOnlyDictionary<string, IReadOnlyList<string>> Claims, IReadOnlyList<Permission> Permissions)
{
    public static readonly ReadCaller Anonymous = new(null, new Dictionary<string, IReadOnlyList<string>>(), []);

    public bool IsAuthenticated => Subject is not null;

    public bool HasClaim(string type, string value) =>
        Claims.TryGetValue(type, out var values) && values.Contains(value, StringComparer.Ordinal);
}
