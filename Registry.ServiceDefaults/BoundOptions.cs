using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Options read from one configuration section; the class lives at its project's root.</summary>
public interface IBoundOptions
{
    static abstract string Section { get; }
}

public static class BoundOptionsExtensions
{
    /// <summary>
    /// The one way a Registry process registers options: bound from <c>T.Section</c>, checked by their data
    /// annotations (plus any <c>.Validate</c> the caller chains) when the host starts, so a bad setting stops the
    /// process with a message instead of failing its first request.
    /// </summary>
    public static OptionsBuilder<T> AddBoundOptions<T>(this IHostApplicationBuilder builder) where T : class, IBoundOptions =>
        builder.Services.AddOptions<T>().BindConfiguration(T.Section).ValidateDataAnnotations().ValidateOnStart();
}
