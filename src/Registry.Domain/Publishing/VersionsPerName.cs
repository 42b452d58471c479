using Registry.Domain.Errors;

namespace Registry.Domain.Publishing;

/// <summary>A server name holds at most 10,000 versions, deleted ones included, as in the official registry.</summary>
public static class VersionsPerName
{
    public const int Max = 10_000;

    /// <summary>Call with the number of versions the name already has, inside the publish's name lock.</summary>
    public static void RequireRoomForAnother(string serverName, long existingVersions)
    {
        if (existingVersions >= Max)
        {
            throw RegistryErrors.TooManyVersions(serverName, Max);
        }
    }
}
