using System.Text.Json.Nodes;
using Registry.Contracts.V0;
using Registry.Install;

namespace Registry.Install.Tests;

public class InstallConfigBuilderTests
{
    private static ServerJson Server(params Package[] packages) => new() { Name = "io.github.user/weather", Version = "1.2.0", Packages = { packages } };

    private static Package Npm() => new()
    {
        RegistryType = "npm",
        Identifier = "@user/weather",
        Version = "1.2.0",
        Transport = new Transport { Type = "stdio" },
        EnvironmentVariables =
        {
            new KeyValueInput { Name = "WEATHER_API_KEY", Description = "Your API key", IsRequired = true, IsSecret = true },
            new KeyValueInput { Name = "UNITS", Default = "metric" },
            new KeyValueInput { Name = "OPTIONAL_TRACE" },
        },
        PackageArguments = { new Argument { Type = "positional", ValueHint = "directory", IsRequired = true, Description = "A folder" } },
    };

    private static JsonObject Build(ServerJson server, InstallClient client) =>
        InstallConfigBuilder.Build(server, client)!.ToJson();

    private static string[] Args(JsonNode entry) => [.. entry["args"]!.AsArray().Select(a => a!.GetValue<string>())];

    [Fact]
    public void AnNpmPackageRunsWithNpxPinnedToItsVersion()
    {
        var entry = Build(Server(Npm()), InstallClient.Generic)["config"]!;

        Assert.Equal("npx", entry["command"]!.GetValue<string>());
        Assert.Equal(["-y", "@user/weather@1.2.0", "<directory>"], Args(entry));
    }

    [Fact]
    public void RequiredSecretsAreVsCodeInputsAndDefaultsAreKeptOptionalValuesLeftOut()
    {
        var json = Build(Server(Npm()), InstallClient.VsCode);
        var config = json["config"]!;
        var entry = config["servers"]!["io.github.user/weather"]!;

        Assert.Equal("mcp.json", json["file"]!.GetValue<string>());
        Assert.Equal("stdio", entry["type"]!.GetValue<string>());
        Assert.Equal("${input:WEATHER_API_KEY}", entry["env"]!["WEATHER_API_KEY"]!.GetValue<string>());
        Assert.Equal("metric", entry["env"]!["UNITS"]!.GetValue<string>());
        Assert.Null(entry["env"]!["OPTIONAL_TRACE"]);
        var key = config["inputs"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "WEATHER_API_KEY")!;
        Assert.Equal("promptString", key["type"]!.GetValue<string>());
        Assert.True(key["password"]!.GetValue<bool>());
    }

    [Fact]
    public void ClaudeDesktopGetsMcpServersAndListedPlaceholders()
    {
        var json = Build(Server(Npm()), InstallClient.ClaudeDesktop);

        Assert.Equal("claude_desktop_config.json", json["file"]!.GetValue<string>());
        var entry = json["config"]!["mcpServers"]!["io.github.user/weather"]!;
        Assert.Null(entry["type"]);
        Assert.Equal("<WEATHER_API_KEY>", entry["env"]!["WEATHER_API_KEY"]!.GetValue<string>());
        Assert.Contains(json["placeholders"]!.AsArray(), p => p!["placeholder"]!.GetValue<string>() == "<WEATHER_API_KEY>");
    }

    [Theory]
    [InlineData("pypi", "weather-mcp", "uvx", "weather-mcp==1.2.0")]
    [InlineData("nuget", "Weather.Mcp", "dnx", "Weather.Mcp@1.2.0 --yes")]
    [InlineData("oci", "ghcr.io/user/weather", "docker", "run -i --rm ghcr.io/user/weather:1.2.0")]
    [InlineData("oci", "ghcr.io/user/weather:2.0", "docker", "run -i --rm ghcr.io/user/weather:2.0")]
    public void EachPackageRegistryHasItsRunner(string registryType, string identifier, string command, string args)
    {
        var package = new Package { RegistryType = registryType, Identifier = identifier, Version = "1.2.0", Transport = new Transport { Type = "stdio" } };

        var entry = Build(Server(package), InstallClient.Generic)["config"]!;

        Assert.Equal(command, entry["command"]!.GetValue<string>());
        Assert.Equal(args, string.Join(' ', Args(entry)));
    }

    [Fact]
    public void AContainerIsToldTheNamesOfItsEnvironmentVariables()
    {
        var package = new Package
        {
            RegistryType = "oci", Identifier = "docker.io/user/weather:1.2.0", Transport = new Transport { Type = "stdio" },
            RuntimeArguments = { new Argument { Type = "named", Name = "--network", Value = "host" } },
            EnvironmentVariables = { new KeyValueInput { Name = "TOKEN", IsRequired = true } },
        };

        var entry = Build(Server(package), InstallClient.Generic)["config"]!;

        Assert.Equal(["run", "-i", "--rm", "-e", "TOKEN", "--network", "host", "docker.io/user/weather:1.2.0"], Args(entry));
        Assert.Equal("<TOKEN>", entry["env"]!["TOKEN"]!.GetValue<string>());
    }

    [Fact]
    public void ARemoteIsAnHttpEntryWithItsHeadersAndUrlVariables()
    {
        var remote = new Transport
        {
            Type = "streamable-http",
            Url = "https://{tenant}.example.com/mcp",
            Variables = { ["tenant"] = new Input { Description = "Your tenant", IsRequired = true } },
            Headers = { new KeyValueInput { Name = "Authorization", Value = "Bearer {token}", Variables = { ["token"] = new Input { IsSecret = true } } } },
        };
        var server = new ServerJson { Name = "com.example/weather", Version = "1.0.0", Remotes = { remote } };

        var vscode = Build(server, InstallClient.VsCode)["config"]!;
        var entry = vscode["servers"]!["com.example/weather"]!;
        var claude = Build(server, InstallClient.ClaudeDesktop)["config"]!["mcpServers"]!["com.example/weather"]!;

        Assert.Equal("http", entry["type"]!.GetValue<string>());
        Assert.Equal("https://${input:tenant}.example.com/mcp", entry["url"]!.GetValue<string>());
        Assert.Equal("Bearer ${input:token}", entry["headers"]!["Authorization"]!.GetValue<string>());
        Assert.Equal(2, vscode["inputs"]!.AsArray().Count);
        Assert.Equal(["-y", "mcp-remote", "https://<tenant>.example.com/mcp", "--header", "Authorization: Bearer <token>"], Args(claude));
    }

    [Fact]
    public void APackageIsPreferredToARemoteAndABundleIsTheLastResort()
    {
        var bundle = new Package { RegistryType = "mcpb", Identifier = "https://example.com/weather.mcpb", FileSha256 = "ab12", Transport = new Transport { Type = "stdio" } };
        var withRemote = Server(bundle, Npm());
        withRemote.Remotes.Add(new Transport { Type = "sse", Url = "https://example.com/sse" });

        Assert.Equal("npx", Build(withRemote, InstallClient.Generic)["config"]!["command"]!.GetValue<string>());
        var onlyBundle = Build(Server(bundle), InstallClient.Generic)["config"]!;
        Assert.Equal("https://example.com/weather.mcpb", onlyBundle["url"]!.GetValue<string>());
        Assert.Equal("ab12", onlyBundle["fileSha256"]!.GetValue<string>());
    }

    [Fact]
    public void AServerWithNothingToStartHasNoConfig() =>
        Assert.Null(InstallConfigBuilder.Build(new ServerJson { Name = "io.github.user/empty", Version = "1.0.0" }, InstallClient.VsCode));

    [Theory]
    [InlineData("vscode", "VsCode")]
    [InlineData("claude-desktop", "ClaudeDesktop")]
    [InlineData(null, "Generic")]
    [InlineData("cursor", null)]
    public void ClientNamesAreParsed(string? name, string? expected) => Assert.Equal(expected, InstallClients.Parse(name)?.ToString());
}
