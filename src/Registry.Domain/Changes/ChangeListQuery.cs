namespace Registry.Domain.Changes;

/// <summary>
/// A validated read of the change log: entries with a sequence greater than <see cref="After"/>, the oldest first, or
/// the newest <see cref="Limit"/> of them first when <see cref="NewestFirst"/>.
/// </summary>
public sealed record ChangeListQuery(long After, int Limit, bool NewestFirst = false);
