namespace Registry.Bench.Report;

/// <summary>The HTML body of one page as the gateway answered it, uncompressed (wrk asks for no encoding either).</summary>
public sealed record PageSize(string Page, string Path, int Bytes)
{
    public const int TargetBytes = 100 * 1024;
}
