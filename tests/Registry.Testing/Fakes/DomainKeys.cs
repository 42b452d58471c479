using System.Globalization;

namespace Registry.Testing.Fakes;

public static class DomainKeys
{
    /// <summary>RFC 3339 in UTC with a "Z" and whole seconds, e.g. 2025-08-07T13:15:04Z: the message a domain proof signs.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
