namespace Registry.Auth.Tokens;

/// <summary>A token that must not be trusted; the message says why, without echoing the token.</summary>
public sealed class RegistryTokenException(string message) : Exception(message);
