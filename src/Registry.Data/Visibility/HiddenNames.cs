using Npgsql;
using NpgsqlTypes;

namespace Registry.Data.Visibility;

/// <summary>
/// The one way a read leaves out the names a caller may not see: a condition on the name column against the
/// caller's hidden prefixes (<c>^@</c> is PostgreSQL's starts-with, so no pattern characters need escaping). Added
/// only when something is hidden, so the usual reads keep their plans.
/// </summary>
public static class HiddenNames
{
    private const string Parameter = "hidden_prefixes";

    public static string Condition(string nameColumn) => $"NOT ({nameColumn} ^@ ANY(@{Parameter}))";

    public static void Bind(NpgsqlCommand command, IReadOnlyList<string> hiddenPrefixes) =>
        command.Parameters.Add(new NpgsqlParameter(Parameter, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = hiddenPrefixes.ToArray() });
}
