namespace Registry.Data.Annotations;

/// <summary>One operator annotation as stored; <see cref="Version"/> is null for one on every version of the name.</summary>
public sealed record StoredAnnotation(string Name, string? Version, string Key, string ValueJson, string UpdatedBy, DateTimeOffset UpdatedAt);
