using System.Collections.Concurrent;
using Grpc.Core;
using Registry.Contracts.V0;

namespace Registry.Publish.Tests;

/// <summary>
/// The verification service as the publish service sees it: its generated client, answering from memory. Every
/// package is owned unless a test says otherwise for its server name.
/// </summary>
public sealed class FakeVerification : Verification.VerificationClient
{
    private readonly ConcurrentDictionary<string, Func<VerifyPackagesResponse>> answers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<VerifyPackagesRequest> requests = new();

    public IReadOnlyList<VerifyPackagesRequest> RequestsFor(string serverName) =>
        requests.Where(r => r.ServerName == serverName).ToList();

    public void Refuse(string serverName, params string[] failures) => answers[serverName] = () =>
    {
        var response = new VerifyPackagesResponse();
        response.Failures.AddRange(failures);
        return response;
    };

    public void Accept(string serverName) => answers[serverName] = () => new VerifyPackagesResponse();

    public void FailWith(string serverName, StatusCode code) =>
        answers[serverName] = () => throw new RpcException(new Status(code, "verification is down"));

    public override AsyncUnaryCall<VerifyPackagesResponse> VerifyPackagesAsync(VerifyPackagesRequest request, CallOptions options)
    {
        requests.Enqueue(request);
        var answer = answers.TryGetValue(request.ServerName, out var configured) ? configured : () => new VerifyPackagesResponse();
        return new AsyncUnaryCall<VerifyPackagesResponse>(
            Task.Run(answer), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }
}
