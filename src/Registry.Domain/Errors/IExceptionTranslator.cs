namespace Registry.Domain.Errors;

/// <summary>
/// Turns a failure of something the service depends on into the registry error its caller should see; the layer
/// that knows the failure registers one, and the service hosting asks every registered translator.
/// </summary>
public interface IExceptionTranslator
{
    /// <returns>The error to answer with, or null when the exception is not one this translator knows.</returns>
    RegistryException? Translate(Exception exception);
}
