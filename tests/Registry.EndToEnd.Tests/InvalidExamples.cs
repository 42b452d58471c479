namespace Registry.EndToEnd.Tests;

/// <summary>The official invalid server.json fixtures, kept beside the validator's tests.</summary>
internal static class InvalidExamples
{
    public static string Path(string file) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(SampleSeed.Path)!, "..", "..", "tests", "Registry.Domain.Tests", "Validation", "Examples", "Invalid", file);
}
