using Npgsql;
using Registry.Auth.Tokens;
using Registry.Contracts.V0;
using Registry.Data.Audit;
using Registry.Domain.Audit;
using Registry.Domain.Errors;

namespace Registry.Verification.Tests.Logging;

/// <summary>Every login leaves one audit row with what it granted, and no column of the trail holds a credential or the token issued.</summary>
[Collection(PostgresCollection.Name)]
public sealed class LoginAuditTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string GrantedGitHubToken = "gho_CanaryAuditGranted41c7";
    private const string RefusedGitHubToken = "gho_CanaryAuditRefused93d2";
    private VerificationServiceHost host = null!;
    private NpgsqlDataSource database = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await postgres.CreateMigratedConnectionStringAsync();
        database = NpgsqlDataSource.Create(connectionString);
        host = await VerificationServiceHost.StartAsync(connectionString);
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await database.DisposeAsync();
    }

    [Fact]
    public async Task AGrantedAndARefusedLoginEachLeaveOneRowAndTheTrailHoldsNoCredential()
    {
        host.GitHub.SetUser(GrantedGitHubToken, "alice");
        var adminToken = host.Oidc.CreateToken(new Dictionary<string, object> { ["sub"] = "admin-7" }, audience: VerificationServiceHost.AdminClientId);

        var github = await host.Service.LoginGitHubAccessToken(new LoginGitHubAccessTokenRequest { GithubToken = GrantedGitHubToken }, TestCallContext.Instance);
        var admin = await host.Service.LoginOidc(new LoginOidcRequest { OidcToken = adminToken }, TestCallContext.Instance);
        var refusal = await Assert.ThrowsAsync<RegistryException>(() => host.Service.LoginGitHubAccessToken(
            new LoginGitHubAccessTokenRequest { GithubToken = RefusedGitHubToken }, TestCallContext.Instance));

        var rows = await new AuditTrailReader(database).ReadPageAsync(new AuditFilter(0, 10), CancellationToken.None);
        Assert.Equal(
            [
                ("alice", AuthMethods.GitHubAccessToken, "publish:io.github.alice/*", AuditOutcomes.Succeeded, 200),
                ("admin-7", AuthMethods.Oidc, "publish:*", AuditOutcomes.Succeeded, 200),
                ("", AuthMethods.GitHubAccessToken, null, AuditOutcomes.Refused, refusal.Status),
            ],
            rows.Select(r => (r.Entry.Actor, r.Entry.AuthMethod, r.Entry.Detail, r.Entry.Outcome, r.Entry.StatusCode)));
        Assert.All(rows, r => Assert.Equal((AuditActions.Login, 0), (r.Entry.Action, r.Entry.Permissions.Count)));
        var trail = await AllTextAsync();
        foreach (var secret in new[] { GrantedGitHubToken, RefusedGitHubToken, adminToken, github.RegistryToken_, admin.RegistryToken_ })
        {
            Assert.DoesNotContain(secret, trail, StringComparison.Ordinal);
            Assert.DoesNotContain(secret[(secret.LastIndexOf('.') + 1)..], trail, StringComparison.Ordinal);
        }
    }

    private async Task<string> AllTextAsync()
    {
        await using var command = database.CreateCommand("SELECT coalesce(string_agg(a::text, E'\\n'), '') FROM audit_events a");
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
