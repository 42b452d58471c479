namespace Registry.Bench.Stack;

/// <summary>Where the built processes live: <c>&lt;project&gt;/bin/&lt;configuration&gt;/net10.0/&lt;name&gt;.dll</c>.</summary>
public sealed class ReleaseOutputs(BenchOptions options)
{
    public string MigrationService => Dll("src", "Registry.MigrationService");
    public string Catalog => Dll("src", "Registry.Catalog");
    public string Publish => Dll("src", "Registry.Publish");
    public string Verification => Dll("src", "Registry.Verification");
    public string Gateway => Dll("src", "Registry.Gateway");
    public string Web => Dll("src", "Registry.Web");
    public string Floor => Dll("bench", "Registry.Bench.Floor");

    private string Dll(string folder, string project)
    {
        var path = Path.Combine(options.Root, folder, project, "bin", options.Configuration, "net10.0", project + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing; bench/run.sh builds it (dotnet build -c {options.Configuration}).");
    }
}
