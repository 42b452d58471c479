namespace Registry.Cli.Connection;

/// <summary>Resolves a service's address: the option wins over the environment variable.</summary>
public static class ServiceAddress
{
    public static Uri Resolve(ServiceKind service, string? optionValue, IReadOnlyDictionary<string, string?> environment)
    {
        var text = optionValue ?? environment.GetValueOrDefault(service.EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw CliFailure.Usage(
                $"No address for the {service.Name} service: pass {service.OptionName} or set {service.EnvironmentVariable}.");
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            throw CliFailure.Usage($"The {service.Name} address '{text}' is not an http:// or https:// URL.");
        }

        return address;
    }
}
