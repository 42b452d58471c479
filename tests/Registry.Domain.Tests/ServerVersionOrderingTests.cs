using Registry.Domain.Versions;

namespace Registry.Domain.Tests;

public class ServerVersionOrderingTests
{
    private static readonly DateTimeOffset Earlier = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Later = Earlier.AddMinutes(1);

    [Theory]
    [InlineData("1.0.0", true)]
    [InlineData("v1.0.0", true)]
    [InlineData("1.0.0-beta.1", true)]
    [InlineData("1.0.0+build.5", true)]
    [InlineData("1.0", false)]
    [InlineData("1", false)]
    [InlineData("1.0.0.0", false)]
    [InlineData("2024-01-01", false)]
    [InlineData("snapshot", false)]
    public void SemanticMeansValidSemverWithExactlyThreeNumericParts(string version, bool expected) =>
        Assert.Equal(expected, ServerVersionOrdering.IsSemantic(version));

    [Theory]
    [InlineData("2.0.0", "1.9.9", true)]
    [InlineData("1.0.1", "2.0.0", false)]
    [InlineData("1.0.0", "1.0.0-rc.1", true)]
    [InlineData("1.0.0-rc.2", "1.0.0-rc.10", false)]
    [InlineData("1.10.0", "1.9.0", true)]
    public void SemanticVersionsCompareByPrecedence(string candidate, string current, bool newer) =>
        Assert.Equal(newer, ServerVersionOrdering.IsNewer(candidate, Later, current, Earlier));

    [Fact]
    public void SemanticBeatsNonSemanticEitherWayRound()
    {
        Assert.True(ServerVersionOrdering.IsNewer("0.0.1", Earlier, "2024-12-31", Later));
        Assert.False(ServerVersionOrdering.IsNewer("2024-12-31", Later, "0.0.1", Earlier));
    }

    [Fact]
    public void TwoNonSemanticVersionsCompareByPublicationTime()
    {
        Assert.True(ServerVersionOrdering.IsNewer("alpha", Later, "zeta", Earlier));
        Assert.False(ServerVersionOrdering.IsNewer("zeta", Earlier, "alpha", Later));
    }

    private static VersionCandidate Candidate(string version, int minute, string status = ServerStatus.Active) =>
        new(version, Earlier.AddMinutes(minute), status);

    private static string? Latest(params VersionCandidate[] versions) => ServerVersionOrdering.ChooseLatest(versions)?.Version;

    [Fact]
    public void LatestIsTheBestVersionThatIsNotDeleted() =>
        Assert.Equal("1.0.1", Latest(Candidate("2.0.0", 0, ServerStatus.Deleted), Candidate("1.0.1", 1), Candidate("1.0.0", 2)));

    [Fact]
    public void DeprecatedVersionsStillCountForLatest() =>
        Assert.Equal("2.0.0", Latest(Candidate("1.0.0", 0), Candidate("2.0.0", 1, ServerStatus.Deprecated)));

    [Fact]
    public void WhenEveryVersionIsDeletedTheBestOfAllIsLatest() =>
        Assert.Equal("2.0.0", Latest(Candidate("2.0.0", 0, ServerStatus.Deleted), Candidate("1.0.0", 1, ServerStatus.Deleted)));

    [Fact]
    public void LatestOfNonSemanticVersionsIsTheNewestPublicationAndSemanticOnesBeatThem()
    {
        Assert.Equal("build-200", Latest(Candidate("build-200", 1), Candidate("rolling", 0), Candidate("build-100", 0)));
        Assert.Equal("0.0.1", Latest(Candidate("nightly", 2), Candidate("0.0.1", 1), Candidate("snapshot", 0)));
    }

    [Fact]
    public void AmongVersionsOfEqualPrecedenceTheEarliestPublicationIsLatestWhateverTheOrderGiven() =>
        Assert.Equal("1.0.0+b", Latest(Candidate("1.0.0+c", 2), Candidate("1.0.0+b", 0), Candidate("v1.0.0", 1)));

    [Fact]
    public void ANameWithoutVersionsHasNoLatest() => Assert.Null(Latest());
}
