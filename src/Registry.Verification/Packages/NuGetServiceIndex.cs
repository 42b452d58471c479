using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Registry.Verification.Packages;

/// <summary>
/// The two resources the NuGet check reads from the feed's service index, cached for an hour because the index
/// changes rarely and every NuGet package of every publish would otherwise fetch it again.
/// </summary>
public sealed class NuGetServiceIndex(PackageHttpClient http, IOptions<PackageOptions> options, TimeProvider clock) : IDisposable
{
    public const string ReadmeUriTemplateType = "ReadmeUriTemplate/6.13.0";
    public const string PackageBaseAddressType = "PackageBaseAddress/3.0.0";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim gate = new(1, 1);
    private NuGetResources? cached;
    private DateTimeOffset fetchedAt;

    public async Task<NuGetResources> GetAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (cached is null || clock.GetUtcNow() - fetchedAt >= Lifetime)
            {
                cached = await FetchAsync(cancellationToken);
                fetchedAt = clock.GetUtcNow();
            }

            return cached;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<NuGetResources> FetchAsync(CancellationToken cancellationToken)
    {
        var index = (await http.GetAsync(options.Value.NuGetServiceIndexUrl, "NuGet service index", cancellationToken)).EnsureOk().Json();
        var readme = Resource(index, ReadmeUriTemplateType)
            ?? throw new PackageVerificationException($"NuGet service index has no {ReadmeUriTemplateType} resource");
        return new NuGetResources(readme, Resource(index, PackageBaseAddressType));
    }

    private static string? Resource(JsonElement index, string type)
    {
        if (index.ValueKind != JsonValueKind.Object || !index.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var resource in resources.EnumerateArray())
        {
            if (resource.ValueKind == JsonValueKind.Object && HasType(resource, type)
                && resource.TryGetProperty("@id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                return id.GetString();
            }
        }

        return null;
    }

    // "@type" is a string in most feeds and an array of strings in some.
    private static bool HasType(JsonElement resource, string type) =>
        resource.TryGetProperty("@type", out var value) && value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() == type,
            JsonValueKind.Array => value.EnumerateArray().Any(t => t.ValueKind == JsonValueKind.String && t.GetString() == type),
            _ => false,
        };

    public void Dispose() => gate.Dispose();
}

public sealed record NuGetResources(string ReadmeUriTemplate, string? PackageBaseAddress);
