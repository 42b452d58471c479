using Grpc.Core;

namespace Registry.ServiceHosting;

/// <summary>
/// Transcoding omits empty repeated fields (we ask it to, so that absent server.json arrays stay absent), but the
/// official list body always has <c>"servers"</c>, as <c>[]</c> when nothing matched. A service marks an empty
/// list response and the REST middleware writes the array in front of the serialised rest.
/// </summary>
public static class EmptyServerList
{
    public const string ItemKey = "registry.empty-server-list";

    /// <summary>Replaces the body's opening brace.</summary>
    public static readonly byte[] ServersPrefix = "{\"servers\":[],"u8.ToArray();

    public static void Mark(ServerCallContext context) => context.GetHttpContext().Items[ItemKey] = true;
}
