using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Registry.Verification.Packages;

/// <summary>OCI: the image config label <c>io.modelcontextprotocol.server.name</c> must equal the server name.</summary>
public sealed class OciPackageVerifier(PackageHttpClient http, IOptions<PackageOptions> options) : IPackageVerifier
{
    public const string ServerNameLabel = "io.modelcontextprotocol.server.name";
    private const string ManifestAccept =
        "application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, "
        + "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json";

    public string RegistryType => PackageRegistryTypes.Oci;

    public async Task VerifyAsync(PackageReference package, string serverName, CancellationToken cancellationToken)
    {
        PackageFieldRules.ForbidBaseUrl(package);
        PackageFieldRules.ForbidVersion(package);
        PackageFieldRules.ForbidFileSha256(package);
        var image = OciImageReference.Parse(package.Identifier);
        var settings = options.Value;
        if (!OciRegistryAllowlist.Allows(settings.EffectiveOciAllowedRegistries, image.Registry))
        {
            throw new PackageVerificationException($"OCI registry '{image.Registry}' is not allowed; allowed: {string.Join(", ", settings.EffectiveOciAllowedRegistries)}");
        }

        var session = new OciRegistrySession(http, settings.OciScheme, image);
        var manifest = await ManifestAsync(session, image.Reference, cancellationToken);
        if (manifest.TryGetProperty("manifests", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            manifest = await ManifestAsync(session, PickPlatform(entries), cancellationToken);
        }

        var configDigest = manifest.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object
            && config.TryGetProperty("digest", out var digest) && digest.ValueKind == JsonValueKind.String
                ? digest.GetString()!
                : throw new PackageVerificationException("OCI image manifest has no config digest");
        var blob = await session.GetAsync($"blobs/{configDigest}", "OCI image config", accept: null, cancellationToken);
        var label = Label(blob.EnsureOk().Json());
        if (label is null)
        {
            throw new PackageVerificationException($"OCI image '{package.Identifier}' has no '{ServerNameLabel}' label");
        }

        if (!string.Equals(label, serverName, StringComparison.Ordinal))
        {
            throw new PackageVerificationException($"OCI image '{package.Identifier}' label '{ServerNameLabel}' is '{label}', not '{serverName}'");
        }
    }

    private static async Task<JsonElement> ManifestAsync(OciRegistrySession session, string reference, CancellationToken cancellationToken)
    {
        var response = await session.GetAsync($"manifests/{reference}", "OCI manifest", ManifestAccept, cancellationToken);
        if (response.Status == HttpStatusCode.NotFound)
        {
            throw new PackageVerificationException($"OCI image manifest '{reference}' not found");
        }

        var json = response.EnsureOk().Json();
        return json.ValueKind == JsonValueKind.Object ? json : throw new PackageVerificationException("OCI manifest is not a JSON object");
    }

    /// <summary>linux/amd64 when the index has it (what a server runs on most often), else the first entry.</summary>
    private static string PickPlatform(JsonElement entries)
    {
        string? first = null;
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("digest", out var digest) || digest.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            first ??= digest.GetString();
            if (entry.TryGetProperty("platform", out var platform) && platform.ValueKind == JsonValueKind.Object
                && Text(platform, "os") == "linux" && Text(platform, "architecture") == "amd64")
            {
                return digest.GetString()!;
            }
        }

        return first ?? throw new PackageVerificationException("OCI image index lists no manifests");
    }

    private static string? Label(JsonElement configBlob) =>
        configBlob.ValueKind == JsonValueKind.Object
        && configBlob.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object
        && config.TryGetProperty("Labels", out var labels) && labels.ValueKind == JsonValueKind.Object
        && labels.TryGetProperty(ServerNameLabel, out var label) && label.ValueKind == JsonValueKind.String
            ? label.GetString()
            : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
