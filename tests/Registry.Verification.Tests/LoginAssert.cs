using Registry.Auth.Permissions;
using Registry.Domain.Errors;
using Registry.Verification.Logins;

namespace Registry.Verification.Tests;

internal static class LoginAssert
{
    public static async Task<RegistryException> RefusedAsync(Func<Task> login, int status = 401, string? detail = null)
    {
        var error = await Assert.ThrowsAsync<RegistryException>(login);
        Assert.Equal(status, error.Status);
        if (detail is not null)
        {
            Assert.Equal(detail, error.Detail);
        }

        return error;
    }

    public static void Grants(TokenGrant grant, params (string Action, string Resource)[] expected) =>
        Assert.Equal(expected.Select(e => new Permission(e.Action, e.Resource)).ToList(), grant.Permissions);
}
