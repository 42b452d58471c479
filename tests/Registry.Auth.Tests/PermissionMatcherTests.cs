using Registry.Auth.Permissions;

namespace Registry.Auth.Tests;

public class PermissionMatcherTests
{
    [Theory]
    [InlineData("*", "io.github.alice/x", true)]
    [InlineData("*", "anything", true)]
    [InlineData("io.github.alice/*", "io.github.alice/weather", true)]
    [InlineData("io.github.alice/*", "io.github.alicex/weather", false)]
    [InlineData("io.github.alice/*", "io.github.Alice/weather", false)]
    [InlineData("com.example.*", "com.example.api/server", true)]
    [InlineData("com.example.*", "com.example.anything", true)]
    [InlineData("com.example.*", "com.example/server", false)]
    [InlineData("com.example/server", "com.example/server", true)]
    [InlineData("com.example/server", "com.example/server2", false)]
    [InlineData("com.example/server", "COM.EXAMPLE/server", false)]
    [InlineData("", "com.example/server", false)]
    public void PatternsMatchExactlyByPrefixOrEverything(string pattern, string name, bool expected) =>
        Assert.Equal(expected, PermissionMatcher.Matches(pattern, name));

    [Fact]
    public void ActionsAreNotInterchangeable()
    {
        Permission[] permissions = [new(PermissionActions.Edit, "io.github.alice/*")];

        Assert.False(PermissionMatcher.Allows(permissions, PermissionActions.Publish, "io.github.alice/x"));
        Assert.True(PermissionMatcher.Allows(permissions, PermissionActions.Edit, "io.github.alice/x"));
        Assert.Equal(["io.github.alice/*"], PermissionMatcher.PatternsFor(permissions, PermissionActions.Edit));
        Assert.Empty(PermissionMatcher.PatternsFor(permissions, PermissionActions.Publish));
    }
}
