using Registry.Auth.Permissions;
using Registry.Auth.Reading;

namespace Registry.Auth.Tests.Reading;

public class VisibilityPolicyTests
{
    private static readonly VisibilityPolicy Policy = new(new ReadAccessOptions
    {
        Rules =
        [
            new VisibilityRuleOptions { Prefix = "com.acme.internal/", Claims = new() { ["groups"] = "acme-staff" } },
            new VisibilityRuleOptions { Prefix = "com.acme.secret/", Claims = new() { ["groups"] = "acme-security", ["tier"] = "gold" } },
        ],
    });

    private static ReadCaller WithClaims(params (string Type, string[] Values)[] claims) =>
        new("someone", claims.ToDictionary(c => c.Type, c => (IReadOnlyList<string>)c.Values), []);

    [Fact]
    public void AnAnonymousCallerSeesNothingUnderAnyRule()
    {
        var view = Policy.ViewFor(ReadCaller.Anonymous);

        Assert.False(view.CanSee("com.acme.internal/tool"));
        Assert.False(view.CanSee("com.acme.secret/tool"));
        Assert.True(view.CanSee("io.github.alice/weather"));
        Assert.True(view.CanSee("com.acme.internals/lookalike"));
        Assert.Equal("hidden:com.acme.internal/|com.acme.secret/", view.Key);
    }

    [Fact]
    public void AClaimInAnArrayOfValuesSatisfiesItsRuleOnly()
    {
        var view = Policy.ViewFor(WithClaims(("groups", ["everyone", "acme-staff"])));

        Assert.True(view.CanSee("com.acme.internal/tool"));
        Assert.False(view.CanSee("com.acme.secret/tool"));
        Assert.Equal("hidden:com.acme.secret/", view.Key);
    }

    [Fact]
    public void ARuleWithSeveralClaimsNeedsThemAll()
    {
        Assert.False(Policy.ViewFor(WithClaims(("groups", ["acme-security"]))).CanSee("com.acme.secret/x"));
        Assert.True(Policy.ViewFor(WithClaims(("groups", ["acme-security"]), ("tier", ["gold"]))).CanSee("com.acme.secret/x"));
    }

    [Fact]
    public void CallersWhoSatisfyTheSameRulesShareAViewKey()
    {
        var first = Policy.ViewFor(WithClaims(("groups", ["acme-staff"]), ("sub", ["alice"])));
        var second = Policy.ViewFor(WithClaims(("groups", ["acme-staff", "other"]), ("sub", ["bob"])));

        Assert.Equal(first.Key, second.Key);
        Assert.NotEqual(first.Key, Policy.ViewFor(ReadCaller.Anonymous).Key);
    }

    [Theory]
    [InlineData("publish", "com.acme.*", true)]
    [InlineData("edit", "*", true)]
    [InlineData("read", "com.acme.internal/*", true)]
    [InlineData("publish", "com.acme.internal/one", false)]
    [InlineData("publish", "io.github.alice/*", false)]
    [InlineData("annotate", "*", false)]
    public void ARegistryTokenSeesAPrefixItsPermissionsCoverWhole(string action, string pattern, bool sees)
    {
        var caller = new ReadCaller("alice", new Dictionary<string, IReadOnlyList<string>>(), [new Permission(action, pattern)]);

        Assert.Equal(sees, Policy.ViewFor(caller).CanSee("com.acme.internal/tool"));
    }

    [Fact]
    public void WithoutRulesEveryCallerSeesEverythingInOneView()
    {
        var open = new VisibilityPolicy(new ReadAccessOptions());

        Assert.Same(ReadView.Everything, open.ViewFor(ReadCaller.Anonymous));
        Assert.True(open.Options.IsOpen);
    }
}
