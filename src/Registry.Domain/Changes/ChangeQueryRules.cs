using Registry.Domain.Errors;

namespace Registry.Domain.Changes;

/// <summary>The parameter rules of the change feed (an extension), worded like the list route's.</summary>
public static class ChangeQueryRules
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static ChangeListQuery BuildList(long? after, int? limit, bool newestFirst = false)
    {
        var position = Position(after ?? 0, "query.after");
        var pageSize = limit ?? DefaultLimit;
        if (pageSize < 1)
        {
            throw RegistryErrors.ValidationFailed(new ErrorDetail("expected number >= 1", "query.limit", pageSize));
        }

        if (pageSize > MaxLimit)
        {
            throw RegistryErrors.ValidationFailed(new ErrorDetail($"expected number <= {MaxLimit}", "query.limit", pageSize));
        }

        return new ChangeListQuery(position, pageSize, newestFirst);
    }

    /// <summary>Where a watch starts: after this sequence; 0 replays the whole log.</summary>
    public static long WatchFrom(long fromSequence) => Position(fromSequence, "from_sequence");

    private static long Position(long sequence, string location) => sequence >= 0
        ? sequence
        : throw RegistryErrors.ValidationFailed(new ErrorDetail("expected number >= 0", location, sequence));
}
