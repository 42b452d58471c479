using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Registry.Mirror.Extensions;

namespace Registry.Mirror.Tests;

/// <summary>A bad setting stops the mirror at start, naming the setting, before it touches the database or upstream.</summary>
public class MirrorOptionsValidationTests
{
    [Theory]
    [InlineData("Upstream", "ftp://upstream.example", "Registry:Mirror:Upstream must be an absolute http(s) URL.")]
    [InlineData("PageSize", "500", "Registry:Mirror:PageSize must be between 1 and 100.")]
    [InlineData("Statuses:0", "hidden", "Registry:Mirror:Statuses may only name active, deprecated and deleted.")]
    [InlineData("PollInterval", "00:00:00", "Registry:Mirror:PollInterval and InitialBackoff must be positive")]
    public async Task ABadSettingStopsTheStartWithItsName(string key, string value, string message)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = "Registry.Mirror", EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:registrydb"] = "Host=127.0.0.1;Port=1;Database=unused",
            ["Registry:Mirror:Upstream"] = "https://upstream.example",
            [$"Registry:Mirror:{key}"] = value,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        builder.AddMirror();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
