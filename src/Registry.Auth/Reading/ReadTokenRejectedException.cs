namespace Registry.Auth.Reading;

/// <summary>A read carried a bearer token that is not accepted (401 <c>invalid_token</c>); the message says why.</summary>
public sealed class ReadTokenRejectedException(string reason) : Exception(reason);
