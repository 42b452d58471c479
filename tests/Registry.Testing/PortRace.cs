namespace Registry.Testing;

/// <summary>
/// A port found free (<see cref="FreePort"/>) can be taken by another process before ours binds it. Whoever starts
/// a server that way tells from its output whether it lost that race, and if so starts it again on another port.
/// </summary>
public static class PortRace
{
    public const int StartAttempts = 3;

    private static readonly string[] LostMessages = ["already in use", "AddressAlreadyInUse", "could not bind"];

    public static bool WasLost(string output) => LostMessages.Any(m => output.Contains(m, StringComparison.OrdinalIgnoreCase));
}
