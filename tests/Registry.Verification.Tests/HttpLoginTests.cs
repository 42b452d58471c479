using System.Text;
using Microsoft.AspNetCore.Http;
using Registry.Auth.Tokens;
using Registry.Testing.Fakes;
using Registry.Verification.Domains;
using Registry.Verification.Logins;

namespace Registry.Verification.Tests;

/// <summary>http logins against a real web server on loopback standing in for https://{domain}.</summary>
public class HttpLoginTests : IAsyncLifetime
{
    private const string Domain = "example.com";
    private const string WellKnownPath = "/example.com/.well-known/mcp-registry-auth";
    private FakeHttpServer site = null!;

    public async Task InitializeAsync() => site = await FakeHttpServer.StartAsync();

    public async Task DisposeAsync() => await site.DisposeAsync();

    private async Task<TokenGrant> LoginAsync(string timestamp, string signature, Action<HttpProofOptions>? configure = null)
    {
        var options = AuthSettings.Create(o =>
        {
            o.Http.WellKnownUrlTemplate = site.BaseUrl + "/{domain}/.well-known/mcp-registry-auth";
            o.Http.Timeout = TimeSpan.FromSeconds(2);
            configure?.Invoke(o.Http);
        });
        using var keys = new HttpProofKeySource(options);
        return await new DomainLogin(TimeProvider.System).LoginAsync(
            AuthMethods.Http, LoginErrors.HttpFailed, keys, coversSubdomains: false, Domain, timestamp, signature, CancellationToken.None);
    }

    private static (string Timestamp, string Signature) Sign(DomainKey key)
    {
        var timestamp = DomainKeys.Timestamp(DateTimeOffset.UtcNow);
        return (timestamp, key.SignHex(timestamp));
    }

    [Fact]
    public async Task AWellKnownKeyGrantsTheDomainButNotItsSubdomains()
    {
        var key = DomainKey.NewEd25519();
        site.MapText(WellKnownPath, key.ProofRecord + "\n");
        var (timestamp, signature) = Sign(key);

        var grant = await LoginAsync(timestamp, signature);

        Assert.Equal((AuthMethods.Http, Domain), (grant.AuthMethod, grant.Subject));
        LoginAssert.Grants(grant, ("publish", "com.example/*"));
        Assert.Equal("text/plain", site.Requests.Single().Accept);
    }

    [Fact]
    public async Task RedirectsAreNotFollowed()
    {
        var key = DomainKey.NewEd25519();
        site.MapText("/elsewhere", key.ProofRecord);
        site.MapRedirect(WellKnownPath, site.BaseUrl + "/elsewhere");
        var (timestamp, signature) = Sign(key);

        await LoginAssert.RefusedAsync(() => LoginAsync(timestamp, signature), 401, LoginErrors.HttpFailed);
        Assert.DoesNotContain(site.Requests, r => r.PathAndQuery == "/elsewhere");
    }

    [Fact]
    public async Task AMissingFileIsUnauthorized()
    {
        var (timestamp, signature) = Sign(DomainKey.NewEd25519());

        await LoginAssert.RefusedAsync(() => LoginAsync(timestamp, signature), 401, LoginErrors.HttpFailed);
    }

    [Fact]
    public async Task AFileLargerThanFourKilobytesIsUnauthorized()
    {
        var key = DomainKey.NewEd25519();
        site.MapText(WellKnownPath, key.ProofRecord + "\n" + new string('#', 5000));
        var (timestamp, signature) = Sign(key);

        await LoginAssert.RefusedAsync(() => LoginAsync(timestamp, signature));
    }

    [Fact]
    public async Task AHugeStreamedBodyIsCutOffNotRead()
    {
        var key = DomainKey.NewEd25519();
        site.Map("GET", WellKnownPath, async context =>
        {
            var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
            for (var i = 0; i < 1024 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            }
        });
        var (timestamp, signature) = Sign(key);

        await LoginAssert.RefusedAsync(() => LoginAsync(timestamp, signature));
    }

    [Fact]
    public async Task ASlowServerTimesOutAsUnauthorized()
    {
        var key = DomainKey.NewEd25519();
        site.Map("GET", WellKnownPath, async context =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await context.Response.WriteAsync(key.ProofRecord);
        });
        var (timestamp, signature) = Sign(key);

        var error = await LoginAssert.RefusedAsync(() => LoginAsync(timestamp, signature, o => o.Timeout = TimeSpan.FromMilliseconds(500)));
        Assert.Contains("in time", error.Errors.Single().Message);
    }

    [Fact]
    public async Task LoopbackAddressesAreRefusedUnlessAllowed()
    {
        var key = DomainKey.NewEd25519();
        site.MapText(WellKnownPath, key.ProofRecord);
        var (timestamp, signature) = Sign(key);

        await LoginAssert.RefusedAsync(() => LoginAsync(timestamp, signature, o => o.AllowPrivateAddresses = false));
        Assert.Empty(site.Requests);
    }
}
