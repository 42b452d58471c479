namespace Registry.Domain.Validation;

public static class IssueSeverities
{
    public const string Error = "error", Warning = "warning", Info = "info";
}
