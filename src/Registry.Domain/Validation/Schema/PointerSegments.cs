using Json.Pointer;

namespace Registry.Domain.Validation.Schema;

internal static class PointerSegments
{
    /// <summary>The segment at <paramref name="index"/> with RFC 6901 escapes undone ("~1" → "/", "~0" → "~").</summary>
    public static string At(JsonPointer pointer, int index) =>
        pointer[index].ToString().Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    public static string Last(JsonPointer pointer) =>
        pointer.SegmentCount == 0 ? "" : At(pointer, pointer.SegmentCount - 1);
}
