using Microsoft.Extensions.Options;
using Registry.Data.Mirroring;

namespace Registry.Mirror.Status;

/// <summary><c>GET /status</c>: what the mirror has done, read from the database so it survives restarts.</summary>
public static class MirrorStatusEndpoint
{
    public const string Path = "/status";

    public static WebApplication MapMirrorStatus(this WebApplication app)
    {
        app.MapGet(Path, async (HttpContext context, MirrorStateStore states, MirroredNameStore names, IOptions<MirrorOptions> options) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return Results.Json(await ReadAsync(states, names, options.Value, context.RequestAborted));
        });
        return app;
    }

    public static async Task<MirrorStatus> ReadAsync(
        MirrorStateStore states, MirroredNameStore names, MirrorOptions options, CancellationToken cancellationToken)
    {
        var versions = await names.CountVersionsAsync(cancellationToken);
        if (!options.Enabled)
        {
            return new MirrorStatus(false, null, null, null, null, null, versions);
        }

        var state = await states.ReadAsync(options.UpstreamBase, cancellationToken);
        var position = new MirrorStatusPosition(state.Position.HighWaterMark, state.Position.Pass?.Since, state.Position.Pass?.Cursor);
        return new MirrorStatus(true, state.Upstream, state.LastSuccessAt, position, state.LastError, state.LastErrorAt, versions);
    }
}
