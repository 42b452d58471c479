using Registry.Contracts.V0;

namespace Registry.Install;

/// <summary>
/// How a package runs on the user's machine: the runner for its registry, the runner's own arguments, the package
/// reference pinned to its version, then the package's arguments. Environment variables are passed by the client;
/// a container also needs them named on <c>docker run</c>.
/// </summary>
public static class PackageCommand
{
    public static readonly string[] Supported = ["npm", "pypi", "nuget", "oci"];

    public static (string Command, List<string> Args)? For(Package package, Placeholders placeholders)
    {
        var id = package.Identifier;
        var version = package.HasVersion && package.Version.Length > 0 ? package.Version : null;
        Runner? runner = package.RegistryType.ToLowerInvariant() switch
        {
            "npm" => new("npx", ["-y"], version is null ? id : $"{id}@{version}", []),
            "pypi" => new("uvx", [], version is null ? id : $"{id}=={version}", []),
            "nuget" => new("dnx", [], version is null ? id : $"{id}@{version}", ["--yes"]),
            "oci" => new("docker", ["run", "-i", "--rm"], OciImage(id, version), []),
            _ => null,
        };
        if (runner is null) return null;

        var (command, leading, reference, trailing) = runner;
        var args = new List<string>(leading);
        if (command == "docker")
        {
            foreach (var variable in package.EnvironmentVariables)
            {
                args.AddRange(["-e", variable.Name]);
            }
        }

        args.AddRange(Arguments(package.RuntimeArguments, placeholders));
        args.Add(reference);
        args.AddRange(trailing);
        args.AddRange(Arguments(package.PackageArguments, placeholders));
        return (package.HasRuntimeHint && package.RuntimeHint.Length > 0 && command != "docker" ? package.RuntimeHint : command, args);
    }

    private sealed record Runner(string Command, string[] Leading, string Reference, string[] Trailing);

    private static string OciImage(string id, string? version) =>
        version is null || id.Contains('@') || id.LastIndexOf(':') > id.LastIndexOf('/') ? id : $"{id}:{version}";

    private static IEnumerable<string> Arguments(IEnumerable<Argument> arguments, Placeholders placeholders)
    {
        foreach (var argument in arguments)
        {
            var label = argument.HasName && argument.Name.Length > 0 ? argument.Name.TrimStart('-') : argument.ValueHint;
            var value = placeholders.Resolve(
                label.Length > 0 ? label : "argument",
                argument.HasValue ? argument.Value : null,
                argument.HasDescription ? argument.Description : null,
                argument.IsRequired,
                argument.IsSecret,
                argument.HasDefault ? argument.Default : null,
                argument.Variables);
            var named = argument.Type == "named";
            if (named && value is null && !argument.HasValue)
            {
                // A named flag without a value (such as --verbose) is either given as is or left out.
                if (argument.IsRequired) yield return argument.Name;
                continue;
            }

            if (value is null) continue;
            if (named) yield return argument.Name;
            yield return value;
        }
    }
}
