using Registry.Domain.Errors;

namespace Registry.Data.Hosting;

/// <summary>An unreachable database is the caller's 503 with Retry-After, never a 500.</summary>
internal sealed class DatabaseUnavailableTranslator : IExceptionTranslator
{
    public RegistryException? Translate(Exception exception) =>
        DatabaseFailures.IsUnavailable(exception) ? RegistryErrors.DatabaseUnavailable() : null;
}
