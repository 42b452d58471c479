using Registry.Domain.Errors;

namespace Registry.Verification.Logins;

/// <summary>Login failures are 401s with the official detail per method and the cause in <c>errors</c>.</summary>
public static class LoginErrors
{
    public const string TokenExchangeFailed = "Token exchange failed";
    public const string DnsFailed = "DNS authentication failed";
    public const string HttpFailed = "HTTP authentication failed";

    public static RegistryException Unauthorized(string detail, string cause) => new(401, detail, [new ErrorDetail(cause)]);

    public static RegistryException MethodNotEnabled(string path) => new(404, $"Endpoint {path} not found");

    /// <summary>A required body field is missing or empty: a request-schema violation, 422 like the official API.</summary>
    public static void RequireField(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw RegistryErrors.ValidationFailed(new ErrorDetail("expected required property " + field + " to be present", "body." + field));
        }
    }
}
