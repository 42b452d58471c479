using Registry.Domain.Errors;

namespace Registry.Publish.Tests;

internal static class Refusals
{
    /// <summary>The write is refused with this status and detail; returns the refusal for a look at its errors.</summary>
    public static async Task<RegistryException> AssertRefusedAsync(int status, string detail, Func<Task> write)
    {
        var refusal = await Assert.ThrowsAsync<RegistryException>(write);
        Assert.Equal((status, detail), (refusal.Status, refusal.Detail));
        return refusal;
    }

    /// <summary>As <see cref="AssertRefusedAsync"/>, with exactly one entry in the problem's errors.</summary>
    public static async Task AssertRefusedAsync(int status, string detail, string cause, Func<Task> write) =>
        Assert.Equal(cause, Assert.Single((await AssertRefusedAsync(status, detail, write)).Errors).Message);
}
