namespace Registry.Auth.Jwt;

/// <summary>A JWT from an outside issuer that is not accepted; the message says why, in words fit for the caller.</summary>
public sealed class JwtRejectedException(string reason) : Exception(reason);
