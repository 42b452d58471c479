namespace Registry.Domain.Validation;

/// <summary>Builds issue paths in the official style: <c>packages[0].transport.url</c>, "" for the document.</summary>
internal static class IssuePath
{
    public const string Root = "";

    public static string Property(string parent, string name) => parent.Length == 0 ? name : $"{parent}.{name}";

    public static string Item(string parent, int index) => $"{parent}[{index}]";
}
