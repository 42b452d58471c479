using System.ComponentModel.DataAnnotations;

namespace Registry.Mirror;

/// <summary>The <c>Registry:Mirror</c> section. An empty <see cref="Upstream"/> switches mirroring off.</summary>
public sealed class MirrorOptions : IBoundOptions
{
    public static string Section => "Registry:Mirror";
    public const int MaxPageSize = 100;

    /// <summary>Base URL of a registry speaking the official API; <c>/v0.1/servers</c> is appended.</summary>
    public string Upstream { get; set; } = "";

    /// <summary>Name prefixes to mirror (e.g. <c>io.github.acme/</c>); empty mirrors every name.</summary>
    public string[] IncludePrefixes { get; set; } = [];

    /// <summary>Name prefixes never mirrored; they win over <see cref="IncludePrefixes"/>.</summary>
    public string[] ExcludePrefixes { get; set; } = [];

    /// <summary>Upstream statuses a version must have to enter the mirror; empty admits every status.</summary>
    public string[] Statuses { get; set; } = [];

    [Range(1, MaxPageSize, ErrorMessage = "Registry:Mirror:PageSize must be between 1 and 100.")]
    public int PageSize { get; set; } = MaxPageSize;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How far before the high-water mark each pass asks from. Covers upstream writes that commit a little after
    /// the time they carry, and clock differences between upstream machines; re-reading them is harmless.
    /// </summary>
    public TimeSpan Overlap { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool Enabled => !string.IsNullOrWhiteSpace(Upstream);

    /// <summary>The upstream without a trailing slash: the key its position is stored under.</summary>
    public string UpstreamBase => Upstream.Trim().TrimEnd('/');

    public bool HasHttpUpstream =>
        Uri.TryCreate(UpstreamBase, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
