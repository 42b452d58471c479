using Google.Protobuf.Reflection;

namespace Registry.ApiDocs;

/// <summary>Finds a message by full name among the contract's files and everything they import.</summary>
internal static class ContractMessages
{
    public static MessageDescriptor? Find(string fullName, IEnumerable<FileDescriptor> files)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<FileDescriptor>(files);
        while (pending.TryPop(out var file))
        {
            if (!seen.Add(file.Name))
            {
                continue;
            }

            if (AllMessages(file.MessageTypes).FirstOrDefault(m => m.FullName == fullName) is { } found)
            {
                return found;
            }

            foreach (var dependency in file.Dependencies)
            {
                pending.Push(dependency);
            }
        }

        return null;
    }

    private static IEnumerable<MessageDescriptor> AllMessages(IEnumerable<MessageDescriptor> messages) =>
        messages.SelectMany(m => AllMessages(m.NestedTypes).Prepend(m));
}
