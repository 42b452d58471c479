using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Registry.Verification.Packages;

/// <summary>The parameters of a <c>WWW-Authenticate: Bearer realm="…",service="…",scope="…"</c> challenge.</summary>
public sealed partial record OciBearerChallenge(string Realm, string? Service, string? Scope)
{
    public static OciBearerChallenge? From(IEnumerable<AuthenticationHeaderValue> challenges)
    {
        var bearer = challenges.FirstOrDefault(c => string.Equals(c.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase));
        if (bearer?.Parameter is not { } parameter)
        {
            return null;
        }

        var values = Parameter().Matches(parameter).ToDictionary(m => m.Groups[1].Value.ToLowerInvariant(), m => m.Groups[2].Value);
        return values.TryGetValue("realm", out var realm)
            ? new OciBearerChallenge(realm, values.GetValueOrDefault("service"), values.GetValueOrDefault("scope"))
            : null;
    }

    public string TokenUrl(string fallbackScope)
    {
        var query = new List<string>();
        if (!string.IsNullOrEmpty(Service))
        {
            query.Add("service=" + Uri.EscapeDataString(Service));
        }

        query.Add("scope=" + Uri.EscapeDataString(Scope ?? fallbackScope));
        return Realm + (Realm.Contains('?') ? "&" : "?") + string.Join('&', query);
    }

    [GeneratedRegex("([A-Za-z_]+)=\"([^\"]*)\"")]
    private static partial Regex Parameter();
}
