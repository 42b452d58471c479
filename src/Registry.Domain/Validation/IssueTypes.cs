namespace Registry.Domain.Validation;

public static class IssueTypes
{
    public const string Json = "json", Schema = "schema", Semantic = "semantic", Linter = "linter";
}
