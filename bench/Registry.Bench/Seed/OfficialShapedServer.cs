using System.Globalization;
using System.Text.Json.Nodes;

namespace Registry.Bench.Seed;

/// <summary>
/// One server of the official-shaped catalog: what it wraps, who publishes it and how it is installed, drawn once;
/// each of its versions is the same document with that version's numbers in it, as publishers really republish.
/// The shares (packages on most, remotes on many, registry types, transports, arguments, variables) follow what the
/// official catalog's entries look like.
/// </summary>
public sealed class OfficialShapedServer
{
    private readonly string repositoryUrl;
    private readonly string? subfolder;
    private readonly string? websiteUrl;
    private readonly bool hasIcons;
    private readonly PackageShape[] packages;
    private readonly RemoteShape[] remotes;
    private readonly bool hasPublisherMeta;
    private readonly string commit;

    private enum PackageShape { NpmStdio, NpmHttp, PypiStdio, PypiSse, Oci, NuGet, Mcpb }

    private enum RemoteShape { StreamableHttp, StreamableHttpWithTenant, Sse }

    public OfficialShapedServer(Random random, OfficialShapedNames names)
    {
        (Topic, Title, Does) = BenchCatalog.Topics[random.Next(BenchCatalog.Topics.Length)];
        Publisher = names.NextPublisher();
        Name = names.NextName(Publisher, Topic);
        Local = Name[(Name.IndexOf('/') + 1)..];
        var monorepo = random.NextDouble() < 0.1;
        repositoryUrl = random.NextDouble() < 0.92
            ? $"https://github.com/{Publisher.Owner}/{(monorepo ? "mcp-servers" : Local)}"
            : $"https://gitlab.com/{Publisher.Owner}/{Local}";
        subfolder = monorepo ? $"servers/{Local}" : null;
        websiteUrl = random.NextDouble() < (Publisher.IsCompany ? 0.7 : 0.2)
            ? Publisher.IsCompany ? $"https://www.{Publisher.Owner}.example/mcp" : $"https://{Publisher.Owner}.github.io/{Local}"
            : null;
        hasIcons = random.NextDouble() < 0.3;
        hasPublisherMeta = random.NextDouble() < 0.2;
        commit = Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())) + Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64()));

        // Most servers ship a package, many also (or only) run a hosted endpoint, a few declare neither.
        var shape = random.NextDouble();
        var packageCount = shape < 0.55 ? 1 : shape < 0.7 ? 2 : shape < 0.72 ? 3 : 0;
        packages = [.. Enumerable.Range(0, packageCount).Select(_ => PickPackage(random)).Distinct()];
        var remoteChance = packages.Length == 0 ? 0.9 : Publisher.IsCompany ? 0.5 : 0.2;
        remotes = random.NextDouble() < remoteChance
            ? random.NextDouble() < 0.2 ? [RemoteShape.StreamableHttp, RemoteShape.Sse] : [PickRemote(random)]
            : [];
    }

    public string Name { get; }

    public string Local { get; }

    public string Topic { get; }

    public string Title { get; }

    public string Does { get; }

    public OfficialShapedNames.Publisher Publisher { get; }

    public bool HasPackages => packages.Length > 0;

    /// <summary>
    /// What decides a document's structure (which fields, arrays and variants it has); documents with the same key
    /// differ only in strings drawn from the same alphabets.
    /// </summary>
    public string ShapeKey =>
        $"{repositoryUrl.Contains("gitlab", StringComparison.Ordinal)}|{subfolder is null}|{websiteUrl is null}|{hasIcons}|{hasPublisherMeta}|{Publisher.IsCompany}|"
        + $"{string.Join(',', packages)}|{string.Join(',', remotes)}";

    public bool HasRemotes => remotes.Length > 0;

    public JsonObject Document(string version, DateTimeOffset publishedAt)
    {
        var document = new JsonObject
        {
            ["$schema"] = BenchCatalog.Schema,
            ["name"] = Name,
            ["description"] = Truncate($"{Title} for AI assistants: {Does}.", 100),
            ["title"] = Truncate($"{Title} ({Publisher.Display})", 100),
            ["version"] = version,
            ["repository"] = Repository(),
        };
        if (websiteUrl is not null)
        {
            document["websiteUrl"] = websiteUrl;
        }

        if (hasIcons)
        {
            document["icons"] = Icons();
        }

        if (packages.Length > 0)
        {
            document["packages"] = new JsonArray([.. packages.Select(p => Package(p, version))]);
        }

        if (remotes.Length > 0)
        {
            document["remotes"] = new JsonArray([.. remotes.Select(Remote)]);
        }

        if (hasPublisherMeta)
        {
            document["_meta"] = new JsonObject
            {
                ["io.modelcontextprotocol.registry/publisher-provided"] = new JsonObject
                {
                    ["tool"] = "publisher-cli",
                    ["version"] = "1.3.0",
                    ["buildInfo"] = new JsonObject
                    {
                        ["commit"] = commit,
                        ["pipelineId"] = $"build-{Math.Abs(commit.GetHashCode(StringComparison.Ordinal)) % 100_000}",
                        ["timestamp"] = publishedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    },
                },
            };
        }

        return document;
    }

    private JsonObject Repository()
    {
        var repository = new JsonObject
        {
            ["url"] = repositoryUrl,
            ["source"] = repositoryUrl.Contains("gitlab", StringComparison.Ordinal) ? "gitlab" : "github",
        };
        if (subfolder is not null)
        {
            repository["subfolder"] = subfolder;
        }

        return repository;
    }

    private JsonArray Icons() =>
    [
        new JsonObject
        {
            ["src"] = $"https://assets.{Publisher.Owner}.example/{Local}/icon.png",
            ["mimeType"] = "image/png",
            ["sizes"] = new JsonArray("48x48", "96x96"),
        },
        new JsonObject
        {
            ["src"] = $"https://assets.{Publisher.Owner}.example/{Local}/icon-dark.svg",
            ["mimeType"] = "image/svg+xml",
            ["sizes"] = new JsonArray("any"),
            ["theme"] = "dark",
        },
    ];

    private JsonObject Package(PackageShape shape, string version)
    {
        var envPrefix = Topic.ToUpperInvariant();
        return shape switch
        {
            PackageShape.NpmStdio => new JsonObject
            {
                ["registryType"] = "npm",
                ["identifier"] = Publisher.IsCompany ? $"@{Publisher.Owner}/{Local}" : Local,
                ["version"] = version,
                ["runtimeHint"] = "npx",
                ["transport"] = new JsonObject { ["type"] = "stdio" },
                ["runtimeArguments"] = new JsonArray(new JsonObject { ["type"] = "named", ["name"] = "-y" }),
                ["environmentVariables"] = new JsonArray(ApiKey(envPrefix), LogLevel()),
            },
            PackageShape.NpmHttp => new JsonObject
            {
                ["registryType"] = "npm",
                ["identifier"] = $"@{Publisher.Owner}/{Local}-http",
                ["version"] = version,
                ["runtimeHint"] = "npx",
                ["transport"] = new JsonObject { ["type"] = "streamable-http", ["url"] = "http://localhost:{port}/mcp" },
                ["packageArguments"] = new JsonArray(Port(), ReadOnlyFlag()),
                ["environmentVariables"] = new JsonArray(ApiKey(envPrefix)),
            },
            PackageShape.PypiStdio => new JsonObject
            {
                ["registryType"] = "pypi",
                ["identifier"] = $"mcp-{Local}".Replace('.', '-'),
                ["version"] = version,
                ["runtimeHint"] = "uvx",
                ["transport"] = new JsonObject { ["type"] = "stdio" },
                ["packageArguments"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "positional",
                        ["valueHint"] = "workspace_dir",
                        ["description"] = "Folder the server may read",
                        ["isRequired"] = true,
                        ["format"] = "filepath",
                    },
                    ReadOnlyFlag()),
                ["environmentVariables"] = new JsonArray(ApiKey(envPrefix), BaseUrl(envPrefix)),
            },
            PackageShape.PypiSse => new JsonObject
            {
                ["registryType"] = "pypi",
                ["identifier"] = $"{Local}-sse".Replace('.', '-'),
                ["version"] = version,
                ["runtimeHint"] = "uvx",
                ["transport"] = new JsonObject { ["type"] = "sse", ["url"] = "http://localhost:{port}/sse" },
                ["packageArguments"] = new JsonArray(Port()),
            },
            PackageShape.Oci => new JsonObject
            {
                ["registryType"] = "oci",
                ["identifier"] = $"oci.registry.example/{Publisher.Owner}/{Local}:{version}",
                ["runtimeHint"] = "docker",
                ["transport"] = new JsonObject { ["type"] = "stdio" },
                ["runtimeArguments"] = new JsonArray(
                    new JsonObject { ["type"] = "named", ["name"] = "--rm" },
                    new JsonObject { ["type"] = "named", ["name"] = "-i" },
                    new JsonObject { ["type"] = "named", ["name"] = "-e", ["value"] = $"{envPrefix}_API_KEY", ["description"] = "Passes the key into the container" }),
                ["environmentVariables"] = new JsonArray(ApiKey(envPrefix)),
            },
            PackageShape.NuGet => new JsonObject
            {
                ["registryType"] = "nuget",
                ["identifier"] = $"{Publisher.Display}.{Title.Replace(" ", "", StringComparison.Ordinal)}.Mcp",
                ["version"] = version,
                ["runtimeHint"] = "dnx",
                ["transport"] = new JsonObject { ["type"] = "stdio" },
                ["packageArguments"] = new JsonArray(new JsonObject
                {
                    ["type"] = "named",
                    ["name"] = "--config",
                    ["valueHint"] = "config_file",
                    ["description"] = "Path to a settings file",
                    ["format"] = "filepath",
                }),
                ["environmentVariables"] = new JsonArray(ApiKey(envPrefix), LogLevel()),
            },
            _ => new JsonObject
            {
                ["registryType"] = "mcpb",
                ["identifier"] = $"{repositoryUrl}/releases/download/v{version}/{Local}.mcpb",
                ["version"] = version,
                ["fileSha256"] = commit + commit,
                ["transport"] = new JsonObject { ["type"] = "stdio" },
            },
        };
    }

    private JsonObject Remote(RemoteShape shape) => shape switch
    {
        RemoteShape.StreamableHttp => new JsonObject
        {
            ["type"] = "streamable-http",
            ["url"] = $"https://mcp.{Publisher.Owner}.example/{Local}/mcp",
            ["headers"] = new JsonArray(new JsonObject
            {
                ["name"] = "Authorization",
                ["description"] = $"Bearer token for the {Title} API",
                ["value"] = "Bearer {token}",
                ["isRequired"] = true,
                ["isSecret"] = true,
                ["variables"] = new JsonObject { ["token"] = new JsonObject { ["description"] = "API token", ["isRequired"] = true, ["isSecret"] = true } },
            }),
        },
        RemoteShape.StreamableHttpWithTenant => new JsonObject
        {
            ["type"] = "streamable-http",
            ["url"] = $"https://{{tenant}}.mcp.{Publisher.Owner}.example/mcp",
            ["variables"] = new JsonObject
            {
                ["tenant"] = new JsonObject { ["description"] = "Your workspace's subdomain", ["isRequired"] = true, ["placeholder"] = "acme" },
            },
            ["headers"] = new JsonArray(new JsonObject
            {
                ["name"] = "X-API-Key",
                ["description"] = "Workspace API key",
                ["isRequired"] = true,
                ["isSecret"] = true,
            }),
        },
        _ => new JsonObject
        {
            ["type"] = "sse",
            ["url"] = $"https://mcp.{Publisher.Owner}.example/{Local}/sse",
        },
    };

    private JsonObject ApiKey(string prefix) => new()
    {
        ["name"] = $"{prefix}_API_KEY",
        ["description"] = $"API key for the {Title} service",
        ["isRequired"] = true,
        ["isSecret"] = true,
    };

    private static JsonObject LogLevel() => new()
    {
        ["name"] = "LOG_LEVEL",
        ["description"] = "How much the server logs",
        ["default"] = "info",
        ["choices"] = new JsonArray("debug", "info", "warn", "error"),
    };

    private JsonObject BaseUrl(string prefix) => new()
    {
        ["name"] = $"{prefix}_BASE_URL",
        ["description"] = $"Base URL of the {Title} API, for self-hosted installations",
        ["default"] = $"https://api.{Topic}.example",
        ["format"] = "string",
    };

    private static JsonObject Port() => new()
    {
        ["type"] = "named",
        ["name"] = "--port",
        ["valueHint"] = "port",
        ["description"] = "Port to listen on",
        ["default"] = "8080",
        ["format"] = "number",
    };

    private static JsonObject ReadOnlyFlag() => new()
    {
        ["type"] = "named",
        ["name"] = "--read-only",
        ["description"] = "Refuse every write",
        ["format"] = "boolean",
    };

    private static PackageShape PickPackage(Random random) => random.NextDouble() switch
    {
        < 0.42 => PackageShape.NpmStdio,
        < 0.50 => PackageShape.NpmHttp,
        < 0.70 => PackageShape.PypiStdio,
        < 0.74 => PackageShape.PypiSse,
        < 0.89 => PackageShape.Oci,
        < 0.95 => PackageShape.NuGet,
        _ => PackageShape.Mcpb,
    };

    private static RemoteShape PickRemote(Random random) => random.NextDouble() switch
    {
        < 0.75 => RemoteShape.StreamableHttp,
        < 0.9 => RemoteShape.StreamableHttpWithTenant,
        _ => RemoteShape.Sse,
    };

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
