using System.Text.Encodings.Web;
using System.Text.Json;

namespace Registry.Web.Presentation;

/// <summary>JSON as a page shows it for reading and copying: indented, with characters left as they are.</summary>
public static class DisplayJson
{
    /// <summary>The text is HTML-escaped where it is shown; escaping &lt; &gt; + and non-ASCII in the JSON too would only hurt reading.</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
