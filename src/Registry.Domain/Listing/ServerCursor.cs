namespace Registry.Domain.Listing;

/// <summary>
/// The list cursor is not opaque in the official API: it is <c>name:version</c> of the last row returned, split
/// on the first colon. A cursor without a colon is a bare name and resumes after every version of that name.
/// </summary>
public sealed record ServerCursor(string Name, string? Version)
{
    public static ServerCursor Parse(string cursor)
    {
        var colon = cursor.IndexOf(':');
        return colon < 0
            ? new ServerCursor(cursor, null)
            : new ServerCursor(cursor[..colon], cursor[(colon + 1)..]);
    }

    public static string Format(string name, string version) => $"{name}:{version}";
}
