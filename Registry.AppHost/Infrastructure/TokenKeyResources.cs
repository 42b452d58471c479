using Microsoft.Extensions.Configuration;
using Registry.Auth.Tokens;

namespace Registry.AppHost.Infrastructure;

/// <summary>
/// The Ed25519 seed that signs registry tokens is a secret parameter (<c>Parameters:jwt-private-key</c>, e.g. in
/// user secrets). When none is configured a fresh development key is made at each start; tokens live five
/// minutes, so nothing of value is lost. Only the verification service gets the seed; services that check
/// tokens get the public key.
/// </summary>
public static class TokenKeyResources
{
    private const string ParameterName = "jwt-private-key";

    public sealed record SigningKey(IResourceBuilder<ParameterResource> Seed, string PublicKeyHex);

    public static SigningKey AddTokenSigningKey(this IDistributedApplicationBuilder builder)
    {
        var seed = builder.Configuration[$"Parameters:{ParameterName}"] is { Length: > 0 } configured ? configured : Ed25519Keys.NewSeedHex();
        return new SigningKey(builder.AddParameter(ParameterName, seed, secret: true), Ed25519Keys.PublicKeyHexFromSeed(seed));
    }

    public static IResourceBuilder<ProjectResource> WithTokenSigning(this IResourceBuilder<ProjectResource> service, SigningKey key) =>
        service.WithEnvironment("Registry__Auth__JwtPrivateKey", key.Seed)
            .WithEnvironment("Registry__Auth__JwtPublicKey", key.PublicKeyHex);

    public static IResourceBuilder<ProjectResource> WithTokenValidation(this IResourceBuilder<ProjectResource> service, SigningKey key) =>
        service.WithEnvironment("Registry__Auth__JwtPublicKey", key.PublicKeyHex);

    /// <summary>
    /// Who may read (the <c>Registry:Read</c> section) and the key that checks registry tokens, for every process that
    /// judges a reader the same way: the gateway in front, and the catalog behind it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithReadAccess(
        this IResourceBuilder<ProjectResource> service, IConfiguration configuration, SigningKey key) =>
        service.WithTokenValidation(key).WithConfigurationSection(configuration, "Registry:Read");

    /// <summary>Hands a configuration section of the AppHost to a service as environment variables.</summary>
    public static IResourceBuilder<ProjectResource> WithConfigurationSection(
        this IResourceBuilder<ProjectResource> service, IConfiguration configuration, string section)
    {
        foreach (var (key, value) in configuration.GetSection(section).AsEnumerable(makePathsRelative: true))
        {
            if (value is not null && key != "JwtPrivateKey")
            {
                service.WithEnvironment($"{section.Replace(":", "__")}__{key.Replace(":", "__")}", value);
            }
        }

        return service;
    }
}
