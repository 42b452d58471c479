using Microsoft.Extensions.Options;
using Registry.Data.Mirroring;
using Registry.Domain.Errors;

namespace Registry.Publish.Publishing;

/// <summary>
/// Names that come from an upstream registry belong to it: a local publish, edit or status change would be
/// overwritten by the next upstream change or contradict it. They are refused (400, like the other rules the
/// database enforces) unless <c>Registry:Mirror:AllowLocalPublish</c> is true. The check runs before the write's
/// own transaction, so a local write racing the very first import of a name can still land.
/// </summary>
public sealed class MirroredNamePolicy(MirroredNameStore names, IOptions<MirroredNameOptions> options)
{
    public async Task RequireLocallyWritableAsync(string name, WriteOperation operation, CancellationToken cancellationToken)
    {
        if (!options.Value.AllowLocalPublish && await names.IsMirroredAsync(name, cancellationToken))
        {
            throw RegistryErrors.MirroredName(operation, name);
        }
    }
}
