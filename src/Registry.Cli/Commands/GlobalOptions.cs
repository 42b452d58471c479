using System.CommandLine;
using Registry.Cli.Connection;

namespace Registry.Cli.Commands;

/// <summary>Options every command takes: the services' addresses and the output format.</summary>
public sealed class GlobalOptions
{
    public Option<string?> Catalog { get; } = Address(ServiceKind.Catalog, "gRPC address of the catalog service");

    public Option<string?> Publish { get; } = Address(ServiceKind.Publish, "gRPC address of the publish service (also annotations and audit)");

    public Option<string?> Verification { get; } = Address(ServiceKind.Verification, "gRPC address of the verification service (logins)");

    public Option<string?> Mirror { get; } = Address(ServiceKind.Mirror, "HTTP address of the mirror service");

    public Option<bool> Json { get; } = new("--json") { Description = "Write JSON for scripts instead of tables", Recursive = true };

    public void AddTo(RootCommand root)
    {
        foreach (var option in new Option[] { Catalog, Publish, Verification, Mirror, Json })
        {
            root.Options.Add(option);
        }
    }

    public Option<string?> For(ServiceKind service) =>
        service == ServiceKind.Catalog ? Catalog
        : service == ServiceKind.Publish ? Publish
        : service == ServiceKind.Verification ? Verification
        : Mirror;

    private static Option<string?> Address(ServiceKind service, string description) => new(service.OptionName)
    {
        Description = $"{description} [env: {service.EnvironmentVariable}]",
        Recursive = true,
        HelpName = "url",
    };
}
