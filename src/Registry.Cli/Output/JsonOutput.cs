using Google.Protobuf;

namespace Registry.Cli.Output;

/// <summary>--json renders messages in the proto3 JSON mapping, the same field names the REST API uses.</summary>
public static class JsonOutput
{
    private static readonly JsonFormatter Indented = new(JsonFormatter.Settings.Default.WithIndentation());

    /// <summary>An indented document, for a command's single answer.</summary>
    public static string Document(IMessage message) => Indented.Format(message);

    /// <summary>One line, for streams (watch, audit export).</summary>
    public static string Line(IMessage message) => JsonFormatter.Default.Format(message);
}
