namespace Registry.Testing;

/// <summary>The dotnet executable to run built .dll files with, as the running test host or tool found it.</summary>
public static class DotnetHost
{
    public static string Path
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
            {
                return hostPath;
            }

            if (Environment.ProcessPath is { } processPath && System.IO.Path.GetFileNameWithoutExtension(processPath) == "dotnet")
            {
                return processPath;
            }

            return Unix.FindOnPath("dotnet") ?? "dotnet";
        }
    }
}
