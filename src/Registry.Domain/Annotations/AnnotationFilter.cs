using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Domain.Errors;

namespace Registry.Domain.Annotations;

/// <summary>
/// One <c>annotation</c> list parameter: <c>KEY</c> (the entry carries the annotation) or <c>KEY:FIELD=VALUE</c> (its
/// top-level FIELD is a string, number or boolean whose JSON text, unquoted, is VALUE). The first ':' ends the key and
/// the first '=' after it ends the field, so a value may hold either.
/// </summary>
public sealed record AnnotationFilter(string Key, string? Field, string? Value)
{
    public const int MaxFilters = 8;

    public static AnnotationFilter Parse(string filter)
    {
        var colon = filter.IndexOf(':');
        var key = colon < 0 ? filter : filter[..colon];
        if (AnnotationKey.Problem(key) is { } problem)
        {
            throw RegistryErrors.InvalidAnnotationFilter(problem, filter);
        }

        if (colon < 0)
        {
            return new AnnotationFilter(key, null, null);
        }

        var condition = filter[(colon + 1)..];
        var equals = condition.IndexOf('=');
        if (equals <= 0)
        {
            throw RegistryErrors.InvalidAnnotationFilter("expected KEY or KEY:FIELD=VALUE", filter);
        }

        return new AnnotationFilter(key, condition[..equals], condition[(equals + 1)..]);
    }

    /// <summary>Every filter of a request, in a stable order (so equal requests make equal cursors), duplicates dropped.</summary>
    public static IReadOnlyList<AnnotationFilter> ParseAll(IEnumerable<string> filters)
    {
        var parsed = filters.Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(Parse).ToList();
        return parsed.Count <= MaxFilters
            ? parsed
            : throw RegistryErrors.InvalidAnnotationFilter($"expected at most {MaxFilters} annotation filters", string.Join(",", filters));
    }

    /// <summary>Whether an entry with these merged annotations (one object by key, null for none) passes.</summary>
    public bool Matches(JsonObject? annotations)
    {
        if (annotations?[Key] is not JsonObject annotation)
        {
            return false;
        }

        if (Field is null)
        {
            return true;
        }

        return annotation[Field] is JsonValue value && value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>() == Value,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString() == Value,
            _ => false,
        };
    }

    public override string ToString() => Field is null ? Key : $"{Key}:{Field}={Value}";
}
