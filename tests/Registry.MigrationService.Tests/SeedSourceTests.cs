using System.Net;
using System.Text;
using Registry.Data.Seeding;
using Registry.MigrationService;

namespace Registry.MigrationService.Tests;

/// <summary>Seeding from another registry's list endpoint over real HTTP on loopback.</summary>
[Collection(PostgresCollection.Name)]
public class SeedSourceTests(PostgresFixture postgres)
{
    [Fact]
    public async Task APagedListUrlIsFollowedThroughNextCursorAndImportedOnce()
    {
        var pages = new Dictionary<string, string>
        {
            [""] = Page("""{"server":{"name":"com.example/a","version":"1.0.0","description":"d"}},{"server":{"name":"com.example/b","version":"1.0.0","description":"d"}}""", "com.example/b:1.0.0"),
            ["com.example/b:1.0.0"] = Page("""{"server":{"name":"com.example/c","version":"2.0.0","description":"d"}}""", null),
        };
        await using var upstream = LoopbackJsonServer.Start(request => pages.GetValueOrDefault(request.QueryString["cursor"] ?? ""));
        var source = new SeedSource(new SingleClientFactory());
        await using var dataSource = await postgres.CreateMigratedDatabaseAsync();
        var importer = new SeedImporter(dataSource, TimeProvider.System);

        var imported = 0;
        await foreach (var page in source.ReadAsync(upstream.Url + "v0.1/servers?limit=2", CancellationToken.None))
        {
            imported += (await importer.ImportAsync(page.Entries, CancellationToken.None)).Inserted;
        }

        Assert.Equal(3, imported);
        Assert.Equal(["", "com.example/b:1.0.0"], upstream.CursorsRequested);
    }

    [Fact]
    public async Task AFileSeedIsReadWhole()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, Page("""{"server":{"name":"com.example/a","version":"1.0.0","description":"d"}}""", null));
        try
        {
            var pages = await new SeedSource(new SingleClientFactory()).ReadAsync(path, CancellationToken.None).ToListAsync();

            Assert.Equal("com.example/a", Assert.Single(Assert.Single(pages).Entries).Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Page(string servers, string? nextCursor)
    {
        var cursor = nextCursor is null ? "" : $"\"nextCursor\":\"{nextCursor}\",";
        return "{\"servers\":[" + servers + "],\"metadata\":{" + cursor + "\"count\":1}}";
    }

    private sealed class SingleClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    private sealed class LoopbackJsonServer : IAsyncDisposable
    {
        private readonly HttpListener listener = new();
        private readonly Task serving;

        private LoopbackJsonServer(Func<HttpListenerRequest, string?> respond)
        {
            Url = $"http://127.0.0.1:{FreePort.Next()}/";
            listener.Prefixes.Add(Url);
            listener.Start();
            serving = Task.Run(async () =>
            {
                while (listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await listener.GetContextAsync();
                    }
                    catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                    {
                        return;
                    }

                    CursorsRequested.Add(context.Request.QueryString["cursor"] ?? "");
                    var body = respond(context.Request);
                    context.Response.StatusCode = body is null ? 404 : 200;
                    var bytes = Encoding.UTF8.GetBytes(body ?? "{}");
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(bytes);
                    context.Response.Close();
                }
            });
        }

        public string Url { get; }

        public List<string> CursorsRequested { get; } = [];

        public static LoopbackJsonServer Start(Func<HttpListenerRequest, string?> respond) => new(respond);

        public async ValueTask DisposeAsync()
        {
            listener.Stop();
            listener.Close();
            await serving;
        }
    }
}
