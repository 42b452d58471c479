namespace Registry.Publish;

/// <summary>Whether names mirrored from an upstream registry may still be written here (<see cref="Publishing.MirroredNamePolicy"/>).</summary>
public sealed class MirroredNameOptions : IBoundOptions
{
    public static string Section => "Registry:Mirror";

    public bool AllowLocalPublish { get; set; }
}
