using Registry.Auth.Tokens;
using Registry.Testing.Fakes;
using Registry.Verification.Domains;
using Registry.Verification.Logins;

namespace Registry.Verification.Tests;

/// <summary>dns logins against a real DNS server on loopback answering TXT queries over UDP.</summary>
public class DnsLoginTests : IAsyncLifetime
{
    private FakeDnsServer dns = null!;

    public async Task InitializeAsync() => dns = await FakeDnsServer.StartAsync();

    public async Task DisposeAsync() => await dns.DisposeAsync();

    private Task<TokenGrant> LoginAsync(string domain, string timestamp, string signature, TimeProvider? clock = null) =>
        new DomainLogin(clock ?? TimeProvider.System).LoginAsync(
            AuthMethods.Dns, LoginErrors.DnsFailed,
            new DnsProofKeySource(AuthSettings.Create(o => o.Dns.Resolver = dns.EndPoint.ToString())),
            coversSubdomains: true, domain, timestamp, signature, CancellationToken.None);

    [Fact]
    public async Task AnEd25519ProofGrantsTheDomainAndItsSubdomains()
    {
        var key = DomainKey.NewEd25519();
        dns.SetTxt("example.com", "google-site-verification=abc", key.ProofRecord);
        var timestamp = DomainKeys.Timestamp(DateTimeOffset.UtcNow);

        var grant = await LoginAsync("example.com", timestamp, key.SignHex(timestamp));

        Assert.Equal((AuthMethods.Dns, "example.com"), (grant.AuthMethod, grant.Subject));
        LoginAssert.Grants(grant, ("publish", "com.example/*"), ("publish", "com.example.*"));
    }

    [Fact]
    public async Task AnEcdsaP384ProofWorksForASubdomain()
    {
        var key = DomainKey.NewEcdsaP384();
        dns.SetTxt("api.example.com", key.ProofRecord);
        var timestamp = DomainKeys.Timestamp(DateTimeOffset.UtcNow);

        var grant = await LoginAsync("api.example.com", timestamp, key.SignHex(timestamp));

        LoginAssert.Grants(grant, ("publish", "com.example.api/*"), ("publish", "com.example.api.*"));
    }

    [Fact]
    public async Task AnyOfSeveralPublishedKeysMayVerify()
    {
        var old = DomainKey.NewEd25519();
        var current = DomainKey.NewEcdsaP384();
        dns.SetTxt("example.com", old.ProofRecord, current.ProofRecord);
        var timestamp = DomainKeys.Timestamp(DateTimeOffset.UtcNow);

        var grant = await LoginAsync("example.com", timestamp, current.SignHex(timestamp));

        Assert.Equal(2, grant.Permissions.Count);
    }

    [Theory]
    [InlineData(-20)]
    [InlineData(20)]
    public async Task StaleOrFutureTimestampsAreUnauthorized(int offsetSeconds)
    {
        var key = DomainKey.NewEd25519();
        dns.SetTxt("example.com", key.ProofRecord);
        var timestamp = DomainKeys.Timestamp(DateTimeOffset.UtcNow.AddSeconds(offsetSeconds));

        await LoginAssert.RefusedAsync(() => LoginAsync("example.com", timestamp, key.SignHex(timestamp)), 401, LoginErrors.DnsFailed);
    }

    [Fact]
    public async Task ASignatureByAnUnpublishedKeyIsUnauthorized()
    {
        dns.SetTxt("example.com", DomainKey.NewEd25519().ProofRecord);
        var timestamp = DomainKeys.Timestamp(DateTimeOffset.UtcNow);

        await LoginAssert.RefusedAsync(() => LoginAsync("example.com", timestamp, DomainKey.NewEd25519().SignHex(timestamp)));
    }

    [Fact]
    public async Task ASignatureOfAnotherTimestampIsUnauthorized()
    {
        var key = DomainKey.NewEd25519();
        dns.SetTxt("example.com", key.ProofRecord);
        var now = DateTimeOffset.UtcNow;

        await LoginAssert.RefusedAsync(() => LoginAsync("example.com", DomainKeys.Timestamp(now), key.SignHex(DomainKeys.Timestamp(now.AddSeconds(-1)))));
    }

    [Theory]
    [InlineData("abcd")]
    [InlineData("not hex at all")]
    [InlineData("abc")]
    public async Task SignaturesOfTheWrongLengthOrAlphabetAreUnauthorized(string signature)
    {
        dns.SetTxt("example.com", DomainKey.NewEd25519().ProofRecord);

        await LoginAssert.RefusedAsync(() => LoginAsync("example.com", DomainKeys.Timestamp(DateTimeOffset.UtcNow), signature));
    }

    [Fact]
    public async Task ADomainWithoutRecordsIsUnauthorized()
    {
        var key = DomainKey.NewEd25519();
        var timestamp = DomainKeys.Timestamp(DateTimeOffset.UtcNow);

        await LoginAssert.RefusedAsync(() => LoginAsync("unknown.example", timestamp, key.SignHex(timestamp)), 401, LoginErrors.DnsFailed);
    }

    [Theory]
    [InlineData("-example.com")]
    [InlineData("example..com")]
    [InlineData("exa mple.com")]
    [InlineData("example.com/evil")]
    public async Task DomainsOutsideThePatternAreUnauthorizedWithoutALookup(string domain)
    {
        var key = DomainKey.NewEd25519();
        var timestamp = DomainKeys.Timestamp(DateTimeOffset.UtcNow);

        await LoginAssert.RefusedAsync(() => LoginAsync(domain, timestamp, key.SignHex(timestamp)));
        Assert.Equal(0, dns.QueryCount);
    }

    [Fact]
    public async Task DomainsLongerThan253CharactersAreUnauthorized()
    {
        var domain = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".com";
        var key = DomainKey.NewEd25519();
        var timestamp = DomainKeys.Timestamp(DateTimeOffset.UtcNow);

        await LoginAssert.RefusedAsync(() => LoginAsync(domain, timestamp, key.SignHex(timestamp)));
    }

    [Fact]
    public async Task MissingFieldsAreValidationErrors()
    {
        await LoginAssert.RefusedAsync(() => LoginAsync("", "2025-01-01T00:00:00Z", "ab"), 422);
        await LoginAssert.RefusedAsync(() => LoginAsync("example.com", "", "ab"), 422);
        await LoginAssert.RefusedAsync(() => LoginAsync("example.com", "2025-01-01T00:00:00Z", ""), 422);
    }
}
