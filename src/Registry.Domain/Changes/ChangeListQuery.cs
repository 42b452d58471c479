namespace Registry.Domain.Changes;

/// <summary>A validated read of the change log: entries with a sequence greater than <see cref="After"/>.</summary>
public sealed record ChangeListQuery(long After, int Limit);
