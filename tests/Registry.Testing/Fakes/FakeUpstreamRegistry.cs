using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Registry.Testing.Fakes;

/// <summary>
/// An upstream MCP registry on 127.0.0.1 serving <c>GET /v0.1/servers</c> (and <c>/v0/servers</c>) as the official
/// one does: ordered by (name, version) in byte order, <c>name:version</c> keyset cursors, <c>limit</c> 1..100
/// (default 30), <c>updated_since</c> strict and implying deleted versions, <c>nextCursor</c> whenever a page is full,
/// official <c>_meta</c> beside each <c>server</c>. A publish that takes over latest leaves the previous latest's
/// <c>updatedAt</c> alone, as upstream does. Tests change versions and plan faults for the next requests.
/// </summary>
public sealed class FakeUpstreamRegistry : IAsyncDisposable
{
    public const string Schema = "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json";
    private const string OfficialKey = "io.modelcontextprotocol.registry/official";

    private readonly Lock gate = new();
    private readonly SortedDictionary<(string Name, string Version), UpstreamVersion> versions = new(new OrdinalPairComparer());
    private readonly Queue<UpstreamAnswer> planned = new();
    private readonly List<UpstreamListRequest> requests = [];
    private DateTimeOffset lastTime;

    private FakeUpstreamRegistry(FakeHttpServer http)
    {
        Http = http;
        Http.Map(HttpMethods.Get, "/v0.1/servers", ListAsync);
        Http.Map(HttpMethods.Get, "/v0/servers", ListAsync);
    }

    public FakeHttpServer Http { get; }

    public string BaseUrl => Http.BaseUrl;

    /// <summary>While true, every list request answers 503 (after any planned answers are used up).</summary>
    public bool IsDown { get; set; }

    public IReadOnlyList<UpstreamListRequest> ListRequests
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    public IReadOnlyList<UpstreamVersion> Versions
    {
        get
        {
            lock (gate)
            {
                return [.. versions.Values];
            }
        }
    }

    public static async Task<FakeUpstreamRegistry> StartAsync(CancellationToken cancellationToken = default) =>
        new(await FakeHttpServer.StartAsync(cancellationToken));

    /// <summary>Publishes a version; by default it becomes latest. <paramref name="at"/> fixes the time (otherwise now, strictly increasing).</summary>
    public UpstreamVersion Publish(string name, string version, bool latest = true, string description = "Mirrored server", DateTimeOffset? at = null) =>
        Publish(new JsonObject { ["$schema"] = Schema, ["name"] = name, ["description"] = description, ["version"] = version }, latest, at);

    /// <summary>Publishes <paramref name="document"/> as it is, unchecked, as an upstream may hold anything; its name and version identify it.</summary>
    public UpstreamVersion Publish(JsonObject document, bool latest = true, DateTimeOffset? at = null)
    {
        var name = document["name"]!.GetValue<string>();
        var version = document["version"]!.GetValue<string>();
        lock (gate)
        {
            if (versions.ContainsKey((name, version)))
            {
                throw new InvalidOperationException($"{name}@{version} is already published upstream");
            }

            var now = Stamp(at);
            if (latest)
            {
                foreach (var previous in versions.Values.Where(v => v.Name == name && v.IsLatest).ToList())
                {
                    versions[(name, previous.Version)] = previous with { IsLatest = false };
                }
            }

            return versions[(name, version)] = new UpstreamVersion(name, version, document.ToJsonString(), "active", null, now, now, now, latest);
        }
    }

    public UpstreamVersion SetStatus(string name, string version, string status, string? message = null, DateTimeOffset? at = null)
    {
        lock (gate)
        {
            var current = versions[(name, version)];
            var now = Stamp(at);
            return versions[(name, version)] = current with
            {
                Status = status,
                StatusMessage = status == "active" ? null : message,
                StatusChangedAt = current.Status == status ? current.StatusChangedAt : now,
                UpdatedAt = now,
            };
        }
    }

    public UpstreamVersion Deprecate(string name, string version, string? message = null) => SetStatus(name, version, "deprecated", message);

    public UpstreamVersion Delete(string name, string version) => SetStatus(name, version, "deleted");

    public UpstreamVersion Edit(string name, string version, string description)
    {
        lock (gate)
        {
            var current = versions[(name, version)];
            var document = JsonNode.Parse(current.Document)!.AsObject();
            document["description"] = description;
            return versions[(name, version)] = current with { Document = document.ToJsonString(), UpdatedAt = Stamp(null) };
        }
    }

    /// <summary>The next list requests get these answers, in order; later ones are normal again (unless down).</summary>
    public void Plan(params UpstreamAnswer[] answers)
    {
        lock (gate)
        {
            foreach (var answer in answers)
            {
                planned.Enqueue(answer);
            }
        }
    }

    public ValueTask DisposeAsync() => Http.DisposeAsync();

    private DateTimeOffset Stamp(DateTimeOffset? at)
    {
        if (at is { } fixedTime)
        {
            return fixedTime;
        }

        // Microseconds, as registries store them, and strictly increasing so that each change is a later one.
        var now = DateTimeOffset.UtcNow;
        now = now.AddTicks(-(now.Ticks % 10));
        lastTime = now > lastTime ? now : lastTime.AddTicks(10);
        return lastTime;
    }

    private async Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        UpstreamAnswer answer;
        lock (gate)
        {
            answer = planned.Count > 0 ? planned.Dequeue() : IsDown ? UpstreamAnswer.Error(503) : UpstreamAnswer.Normal;
            requests.Add(new UpstreamListRequest(DateTimeOffset.UtcNow, query, answer.Status));
        }

        if (answer.Drop)
        {
            context.Abort();
            return;
        }

        if (answer.Status != StatusCodes.Status200OK)
        {
            if (answer.RetryAfter is { } retryAfter)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            await ProblemAsync(context, answer.Status, "planned failure");
            return;
        }

        var (status, body) = Answer(query);
        if (status != StatusCodes.Status200OK)
        {
            await ProblemAsync(context, status, body);
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    private (int Status, string Body) Answer(IReadOnlyDictionary<string, string> query)
    {
        var limit = 30;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            {
                return (400, "invalid limit");
            }

            if (limit is < 1 or > 100)
            {
                return (422, "limit must be between 1 and 100");
            }
        }

        DateTimeOffset? since = null;
        if (query.TryGetValue("updated_since", out var sinceText))
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
            {
                return (400, "Invalid updated_since format: expected RFC3339 timestamp (e.g., 2025-08-07T13:15:04.280Z)");
            }

            since = parsed;
        }

        var includeDeleted = query.GetValueOrDefault("include_deleted") == "true";
        if (since is not null && query.GetValueOrDefault("include_deleted") == "false")
        {
            return (400, "include_deleted cannot be false when updated_since is provided");
        }

        includeDeleted |= since is not null;
        var cursor = query.GetValueOrDefault("cursor");
        var colon = cursor?.IndexOf(':') ?? -1;
        var afterName = colon < 0 ? cursor : cursor![..colon];
        var afterVersion = colon < 0 ? null : cursor![(colon + 1)..];
        var latestOnly = query.GetValueOrDefault("version") == "latest";

        List<UpstreamVersion> page;
        lock (gate)
        {
            page = versions.Values
                .Where(v => afterName is null
                    || string.CompareOrdinal(v.Name, afterName) > 0
                    || (afterVersion is not null && v.Name == afterName && string.CompareOrdinal(v.Version, afterVersion) > 0))
                .Where(v => since is null || v.UpdatedAt > since)
                .Where(v => includeDeleted || v.Status != "deleted")
                .Where(v => !latestOnly || v.IsLatest)
                .Take(limit)
                .ToList();
        }

        var metadata = new JsonObject { ["count"] = page.Count };
        if (page.Count >= limit)
        {
            metadata["nextCursor"] = $"{page[^1].Name}:{page[^1].Version}";
        }

        var servers = new JsonArray([.. page.Select(Response)]);
        return (200, new JsonObject { ["servers"] = servers, ["metadata"] = metadata }.ToJsonString());
    }

    private static JsonObject Response(UpstreamVersion version)
    {
        var official = new JsonObject
        {
            ["status"] = version.Status,
            ["statusChangedAt"] = Rfc3339(version.StatusChangedAt),
            ["publishedAt"] = Rfc3339(version.PublishedAt),
            ["updatedAt"] = Rfc3339(version.UpdatedAt),
            ["isLatest"] = version.IsLatest,
        };
        if (version.StatusMessage is { } message)
        {
            official["statusMessage"] = message;
        }

        return new JsonObject
        {
            ["server"] = JsonNode.Parse(version.Document),
            ["_meta"] = new JsonObject { [OfficialKey] = official },
        };
    }

    /// <summary>Like Go's RFC3339Nano: trailing zeros of the fraction are dropped.</summary>
    public static string Rfc3339(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static Task ProblemAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        var title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        var body = new JsonObject { ["title"] = title, ["status"] = status, ["detail"] = detail };
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    private sealed class OrdinalPairComparer : IComparer<(string Name, string Version)>
    {
        public int Compare((string Name, string Version) x, (string Name, string Version) y)
        {
            var byName = string.CompareOrdinal(x.Name, y.Name);
            return byName != 0 ? byName : string.CompareOrdinal(x.Version, y.Version);
        }
    }
}

/// <summary>One version as the fake upstream holds it.</summary>
public sealed record UpstreamVersion(
    string Name,
    string Version,
    string Document,
    string Status,
    string? StatusMessage,
    DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset StatusChangedAt,
    bool IsLatest);
