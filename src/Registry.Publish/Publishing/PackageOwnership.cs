using System.Text.Json.Nodes;
using Google.Protobuf;
using Grpc.Core;
using Registry.Contracts.V0;
using Registry.Domain.Errors;

namespace Registry.Publish.Publishing;

/// <summary>
/// Asks the verification service whether every package of a server.json belongs to that server. Whether the
/// checks run at all is the verification service's configuration; a refusal is a 400 naming each package.
/// </summary>
public sealed class PackageOwnership(Contracts.V0.Verification.VerificationClient verification)
{
    private static readonly JsonParser PackageParser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public async Task RequireOwnedAsync(string serverName, JsonObject document, WriteOperation operation, CancellationToken cancellationToken)
    {
        if (document["packages"] is not JsonArray { Count: > 0 } packages)
        {
            return;
        }

        var request = new VerifyPackagesRequest { ServerName = serverName };
        request.Packages.AddRange(packages.OfType<JsonObject>().Select(p => PackageParser.Parse<Package>(p.ToJsonString())));
        VerifyPackagesResponse response;
        try
        {
            response = await verification.VerifyPackagesAsync(request, cancellationToken: cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown)
        {
            throw RegistryErrors.PackageCheckUnavailable(operation);
        }

        if (response.Failures.Count > 0)
        {
            throw RegistryErrors.PackagesNotOwned(operation, response.Failures);
        }
    }
}
