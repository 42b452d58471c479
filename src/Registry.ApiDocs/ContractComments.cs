using Google.Protobuf.Reflection;
using Registry.Contracts.V0;

namespace Registry.ApiDocs;

/// <summary>
/// The comments written in the protos, by the full name of what they describe (message, field, service, method).
/// The generated C# keeps none, so they come from the descriptor set with source info that Registry.Contracts embeds.
/// </summary>
internal sealed class ContractComments
{
    private const string ResourceName = "registry.protoset";
    private readonly Dictionary<string, string> byName = new(StringComparer.Ordinal);

    private ContractComments()
    {
    }

    public static ContractComments Load()
    {
        using var stream = typeof(ServerJson).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Registry.Contracts embeds no {ResourceName}; build it again.");
        var comments = new ContractComments();
        foreach (var file in FileDescriptorSet.Parser.ParseFrom(stream).File)
        {
            comments.Add(file);
        }

        return comments;
    }

    /// <summary>The comment of a descriptor, or null; lines joined into paragraphs.</summary>
    public string? For(IDescriptor descriptor) => byName.GetValueOrDefault(descriptor.FullName);

    private void Add(FileDescriptorProto file)
    {
        var prefix = string.IsNullOrEmpty(file.Package) ? "" : file.Package + ".";
        foreach (var location in file.SourceCodeInfo?.Location ?? [])
        {
            if (Paragraphs(location.LeadingComments) is { } text && NameAt(file, prefix, location.Path) is { } name)
            {
                byName[name] = text;
            }
        }
    }

    // Source paths: 4 = message_type, 2 = field, 3 = nested_type, 6 = service, 2 = method (FileDescriptorProto numbering).
    private static string? NameAt(FileDescriptorProto file, string prefix, IList<int> path)
    {
        if (path.Count >= 2 && path[0] == 4)
        {
            return MessageNameAt(file.MessageType[path[1]], prefix, path, 2);
        }

        if (path.Count == 2 && path[0] == 6)
        {
            return prefix + file.Service[path[1]].Name;
        }

        if (path.Count == 4 && path[0] == 6 && path[2] == 2)
        {
            var service = file.Service[path[1]];
            return $"{prefix}{service.Name}.{service.Method[path[3]].Name}";
        }

        return null;
    }

    private static string? MessageNameAt(DescriptorProto message, string prefix, IList<int> path, int at)
    {
        var name = prefix + message.Name;
        if (path.Count == at)
        {
            return name;
        }

        return path[at] switch
        {
            2 when path.Count == at + 2 => $"{name}.{message.Field[path[at + 1]].Name}",
            3 when path.Count > at + 1 => MessageNameAt(message.NestedType[path[at + 1]], name + ".", path, at + 2),
            _ => null,
        };
    }

    private static string? Paragraphs(string? comment)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            return null;
        }

        var paragraphs = comment.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => string.Join(' ', p.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .Where(p => p.Length > 0);
        return string.Join("\n\n", paragraphs);
    }
}
