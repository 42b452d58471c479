using Registry.Contracts.V0;

namespace Registry.Install;

/// <summary>
/// The shell line that runs a package, for a person to paste into a terminal: the same runner, pinned reference and
/// arguments as the client configurations (<see cref="PackageCommand"/>), with the environment variables the package
/// needs set in front (<c>API_KEY=&lt;API_KEY&gt; npx -y pkg@1.0.0</c>). Values that need quoting are single-quoted.
/// </summary>
public static class InstallCommandLine
{
    /// <summary>The line for <paramref name="package"/>, or null when it is of a kind that does not run from a shell.</summary>
    public static string? For(Package package)
    {
        var placeholders = new Placeholders(InstallClient.Generic);
        if (PackageCommand.For(package, placeholders) is not var (command, args))
        {
            return null;
        }

        var words = new List<string>();
        foreach (var variable in package.EnvironmentVariables)
        {
            var value = placeholders.Resolve(variable.Name, variable.HasValue ? variable.Value : null,
                variable.HasDescription ? variable.Description : null, variable.IsRequired, variable.IsSecret,
                variable.HasDefault ? variable.Default : null, variable.Variables);
            if (value is not null)
            {
                words.Add($"{variable.Name}={Quote(value)}");
            }
        }

        words.Add(Quote(command));
        words.AddRange(args.Select(Quote));
        return string.Join(' ', words);
    }

    /// <summary>A word as a POSIX shell reads it back unchanged.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(IsPlain) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '@' or '=' or ',' or '+' or '%';
}
