namespace Registry.Data.Publishing;

/// <summary>A write the registry's rules refuse (duplicate version, remote URL taken, ...); the message says why.</summary>
public sealed class ServerWriteException(string message) : Exception(message);
