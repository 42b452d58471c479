using Registry.Domain.Errors;

namespace Registry.Domain.Publishing;

/// <summary>An edit replaces the document of the version its path names; it can neither rename nor re-version it.</summary>
public static class EditTarget
{
    public static void RequireBodyMatchesPath(string pathName, string pathVersion, string? bodyName, string? bodyVersion)
    {
        if (bodyName != pathName || bodyVersion != pathVersion)
        {
            throw RegistryErrors.PathBodyMismatch();
        }
    }
}
