using Registry.Testing;

namespace Registry.Bench.Stack;

/// <summary>Free loopback ports for one process start; another process may still take one before it binds.</summary>
public static class LoopbackPorts
{
    public static int[] Pick(int count)
    {
        var ports = new HashSet<int>();
        while (ports.Count < count)
        {
            ports.Add(FreePort.Next());
        }

        return [.. ports];
    }

    public static Uri Address(int port) => new($"http://127.0.0.1:{port}");
}
