using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace Registry.Testing.Fakes;

/// <summary>
/// An OpenID Connect token issuer: discovery document, JWKS of RSA-2048 keys that can be rotated, and RS256 tokens
/// minted on demand (also badly signed or unsigned ones, for the refusals).
/// </summary>
public sealed class FakeOidcIssuer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<SigningKey> _keys = [];
    private readonly RSA _stranger = RSA.Create(2048);
    private SigningKey _current;
    private string? _issuer;
    private int _jwksRequests;
    private int _disposed;

    private FakeOidcIssuer(FakeHttpServer http)
    {
        Http = http;
        _current = AddKey();
        http.Map(HttpMethods.Get, "/.well-known/openid-configuration", AnswerDiscoveryAsync);
        http.Map(HttpMethods.Get, "/.well-known/jwks", AnswerJwksAsync);
    }

    public string BaseUrl => Http.BaseUrl;

    /// <summary>The underlying server: its recorded requests, and room for more routes.</summary>
    public FakeHttpServer Http { get; }

    /// <summary>The "iss" of the discovery document and of minted tokens; BaseUrl unless a test sets another (such as GitHub Actions').</summary>
    public string Issuer
    {
        get => Volatile.Read(ref _issuer) ?? BaseUrl;
        set => Volatile.Write(ref _issuer, value);
    }

    public string JwksUrl => $"{BaseUrl}/.well-known/jwks";

    public int JwksRequests => Volatile.Read(ref _jwksRequests);

    /// <summary>The kid of the key that signs new tokens.</summary>
    public string CurrentKid
    {
        get
        {
            lock (_gate)
            {
                return _current.Kid;
            }
        }
    }

    public static async Task<FakeOidcIssuer> StartAsync(CancellationToken cancellationToken = default) =>
        new(await FakeHttpServer.StartAsync(cancellationToken));

    /// <summary>Adds a new published key and signs with it from now on; the older keys stay published. Returns its kid.</summary>
    public string RotateKey()
    {
        lock (_gate)
        {
            _current = AddKey();
            return _current.Kid;
        }
    }

    /// <summary>Publishes only the current key; the retired ones can still sign (by kid) tokens that should fail.</summary>
    public void RetireOldKeys()
    {
        lock (_gate)
        {
            foreach (var key in _keys.Where(key => key != _current))
            {
                key.Published = false;
            }
        }
    }

    /// <summary>
    /// A compact JWT signed by the current key, or by the key named <paramref name="kid"/> (an unknown kid goes into
    /// the header and the current key signs). Defaults: iss = Issuer, exp = now + 5 min, nbf = iat = now - 10 s;
    /// aud (a string or string array) only if given. Entries of <paramref name="claims"/> win over the defaults.
    /// </summary>
    public string CreateToken(
        IDictionary<string, object> claims,
        string? kid = null,
        string alg = "RS256",
        DateTimeOffset? expires = null,
        DateTimeOffset? notBefore = null,
        string? issuer = null,
        object? audience = null)
    {
        lock (_gate)
        {
            var key = kid is null ? _current : _keys.FirstOrDefault(candidate => candidate.Kid == kid) ?? _current;
            var payload = Payload(claims, expires, notBefore, issuer, audience);
            return JwtWriter.Write(Header(alg, kid ?? key.Kid), payload, key.Rsa);
        }
    }

    /// <summary>An RS256 token that looks right (the current kid, the usual claims) but is signed by a key nobody published.</summary>
    public string CreateTokenSignedByStranger(
        IDictionary<string, object> claims,
        DateTimeOffset? expires = null,
        DateTimeOffset? notBefore = null,
        string? issuer = null,
        object? audience = null)
    {
        lock (_gate)
        {
            return JwtWriter.Write(Header("RS256", _current.Kid), Payload(claims, expires, notBefore, issuer, audience), _stranger);
        }
    }

    /// <summary>An "alg": "none" token with an empty signature; exp, nbf and iat are filled in unless given.</summary>
    public static string CreateUnsignedToken(IDictionary<string, object> claims)
    {
        var payload = JwtWriter.TimeClaims(expires: null, notBefore: null);
        foreach (var (name, value) in claims)
        {
            payload[name] = value;
        }
        return JwtWriter.Write(new Dictionary<string, object?> { ["alg"] = "none", ["typ"] = "JWT" }, payload, key: null);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await Http.DisposeAsync();
        lock (_gate)
        {
            foreach (var key in _keys)
            {
                key.Rsa.Dispose();
            }
        }
        _stranger.Dispose();
    }

    private SigningKey AddKey()
    {
        var key = new SigningKey($"key-{_keys.Count + 1}-{Guid.NewGuid():N}", RSA.Create(2048));
        _keys.Add(key);
        return key;
    }

    private Dictionary<string, object?> Payload(IDictionary<string, object> claims, DateTimeOffset? expires, DateTimeOffset? notBefore, string? issuer, object? audience)
    {
        var payload = JwtWriter.TimeClaims(expires, notBefore);
        payload["iss"] = issuer ?? Issuer;
        if (audience is not null)
        {
            payload["aud"] = audience;
        }
        foreach (var (name, value) in claims)
        {
            payload[name] = value;
        }
        return payload;
    }

    private static Dictionary<string, object?> Header(string alg, string kid) =>
        new(StringComparer.Ordinal) { ["alg"] = alg, ["typ"] = "JWT", ["kid"] = kid };

    private Task AnswerDiscoveryAsync(HttpContext context) =>
        FakeHttpServerExtensions.WriteJsonAsync(context, StatusCodes.Status200OK, new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["jwks_uri"] = JwksUrl,
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "id_token" },
            ["subject_types_supported"] = new[] { "public" },
        });

    private Task AnswerJwksAsync(HttpContext context)
    {
        Interlocked.Increment(ref _jwksRequests);
        object[] keys;
        lock (_gate)
        {
            keys = [.. _keys.Where(key => key.Published).Select(Jwk)];
        }
        return FakeHttpServerExtensions.WriteJsonAsync(context, StatusCodes.Status200OK, new { keys });
    }

    private static Dictionary<string, string> Jwk(SigningKey key)
    {
        var parameters = key.Rsa.ExportParameters(includePrivateParameters: false);
        return new Dictionary<string, string>
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["alg"] = "RS256",
            ["kid"] = key.Kid,
            ["n"] = Base64Url.EncodeToString(parameters.Modulus),
            ["e"] = Base64Url.EncodeToString(parameters.Exponent),
        };
    }

    private sealed class SigningKey(string kid, RSA rsa)
    {
        public string Kid { get; } = kid;

        public RSA Rsa { get; } = rsa;

        public bool Published { get; set; } = true;
    }
}
