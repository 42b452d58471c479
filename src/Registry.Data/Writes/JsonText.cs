namespace Registry.Data.Writes;

/// <summary>Marks a parameter as JSONB.</summary>
internal sealed record JsonText(string Text);
