using Registry.Domain.Publishing;
using static Registry.Publish.Tests.Refusals;
using static Registry.Publish.Tests.ServerDocuments;

namespace Registry.Publish.Tests;

/// <summary>The rules the database enforces under the name's lock, each a 400 "Failed to publish server".</summary>
[Collection(PublishHostCollection.Name)]
public sealed class PublishStoreRuleTests(PublishHost host)
{
    private const string Failed = "Failed to publish server";

    [Fact]
    public async Task AVersionCanBePublishedOnlyOnce()
    {
        var name = NewName();
        await host.Publisher.PublishAsync(Publisher, Minimal(name), default);

        await AssertRefusedAsync(400, Failed, "invalid version: cannot publish duplicate version",
            () => host.Publisher.PublishAsync(Publisher, Minimal(name), default));
    }

    [Fact]
    public async Task ADeletedVersionCannotBePublishedAgain()
    {
        var name = NewName();
        await host.Publisher.PublishAsync(Publisher, Minimal(name), default);
        await host.Statuses.DeleteVersionAsync(Publisher, name, "1.0.0", default);

        await AssertRefusedAsync(400, Failed, "invalid version: cannot publish duplicate version",
            () => host.Publisher.PublishAsync(Publisher, Minimal(name), default));
    }

    [Fact]
    public async Task ARemoteUrlBelongsToOneServerName()
    {
        var (owner, url) = (NewName(), $"https://{Guid.NewGuid():N}.example.com/mcp");
        await host.Publisher.PublishAsync(Publisher, WithRemote(owner, url), default);

        await AssertRefusedAsync(400, Failed, $"remote URL {url} is already used by server {owner}",
            () => host.Publisher.PublishAsync(Publisher, WithRemote(NewName(), url), default));
    }

    [Fact]
    public async Task TheRemoteUrlOfADeletedServerCanBeTakenByAnother()
    {
        var (owner, url) = (NewName(), $"https://{Guid.NewGuid():N}.example.com/mcp");
        await host.Publisher.PublishAsync(Publisher, WithRemote(owner, url), default);
        await host.Statuses.DeleteVersionAsync(Publisher, owner, "1.0.0", default);

        var taken = await host.Publisher.PublishAsync(Publisher, WithRemote(NewName(), url), default);

        Assert.Equal(url, Assert.Single(taken.Server.Remotes).Url);
    }

    [Fact]
    public async Task ANameHoldsAtMostTenThousandVersions()
    {
        var name = NewName();
        await host.Publisher.PublishAsync(Publisher, Minimal(name), default);
        await using (var copies = host.Database.CreateCommand(
            """
            INSERT INTO servers (server_name, version, status, status_changed_at, published_at, updated_at, is_latest, value, wire_json)
            SELECT server_name, '0.0.' || g, status, status_changed_at, published_at, updated_at, FALSE, value, wire_json
            FROM servers, generate_series(1, @copies) AS g WHERE server_name = @name
            """))
        {
            copies.Parameters.AddWithValue("name", name);
            copies.Parameters.AddWithValue("copies", VersionsPerName.Max - 1);
            await copies.ExecuteNonQueryAsync();
        }

        await AssertRefusedAsync(400, Failed, $"server {name} already has the maximum of 10000 versions",
            () => host.Publisher.PublishAsync(Publisher, Minimal(name, "2.0.0"), default));
    }

    private string Publisher => TestTokens.Bearer(host.Tokens.Publisher());
}
