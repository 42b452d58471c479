namespace Registry.Bench.Report;

/// <summary>A process (or group of processes) and its peak resident memory in kilobytes.</summary>
public sealed record MemoryRow(string Process, long? PeakKilobytes, string Note = "");
