using System.ComponentModel.DataAnnotations;

namespace Registry.MigrationService;

/// <summary>
/// The <c>Registry:Migrations</c> section. <see cref="WaitOnly"/> turns the image into a gate for the services
/// (a Kubernetes init container): it waits until another run has applied every migration it knows, and applies nothing.
/// </summary>
public sealed class MigrationWaitOptions : IBoundOptions
{
    public static string Section => "Registry:Migrations";

    public bool WaitOnly { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Registry:Migrations:WaitTimeout must be between one second and one day.")]
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromMinutes(10);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Registry:Migrations:PollInterval must be between 10 ms and 10 minutes.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
