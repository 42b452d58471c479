using Registry.Contracts.V0;

namespace Registry.Web.Presentation;

/// <summary>
/// One row of a table of what a server takes (an argument, an environment variable, a header, a URL variable): its
/// label, what it is for, whether it must be given or is a secret, and the value or the choice it comes with.
/// </summary>
public sealed record InputRow(string Label, string? Description, bool Required, bool Secret, string Value)
{
    public static InputRow Of(KeyValueInput input) => new(input.Name, input.Description, input.IsRequired, input.IsSecret,
        ValueOf(input.HasValue ? input.Value : null, input.IsSecret, input.HasDefault ? input.Default : null, input.Choices,
            input.HasPlaceholder ? input.Placeholder : null));

    public static InputRow Of(Argument argument) => new(
        argument.Type == "named" && argument.HasName ? argument.Name
            : argument.HasValueHint ? $"<{argument.ValueHint}>" : argument.HasName ? argument.Name : "(positional)",
        argument.Description, argument.IsRequired, argument.IsSecret,
        ValueOf(argument.HasValue ? argument.Value : null, argument.IsSecret, argument.HasDefault ? argument.Default : null, argument.Choices, null));

    /// <summary>A remote URL's <c>{name}</c>; its value is always the user's, so only a default or choices are shown.</summary>
    public static InputRow Of(string name, Input input) => new("{" + name + "}", input.Description, input.IsRequired, input.IsSecret,
        ValueOf(null, input.IsSecret, input.HasDefault ? input.Default : null, input.Choices, null));

    private static string ValueOf(string? value, bool secret, string? defaultValue, IReadOnlyCollection<string> choices, string? placeholder) =>
        value is not null ? (secret ? "(set by the publisher)" : value)
        : defaultValue is not null ? $"default {defaultValue}"
        : choices.Count > 0 ? $"one of {string.Join(", ", choices)}"
        : placeholder is not null ? $"e.g. {placeholder}" : "";
}
