namespace Registry.Auth.Reading;

/// <summary>
/// The one judgement of a read's caller, made alike by the gateway (before its cache) and by the services (for callers
/// that reach them directly): with reads open to all and no rules, everyone sees everything and nothing is looked at;
/// otherwise a refused token, or no token where reads need one, is a refusal, and any other caller gets its view.
/// </summary>
public sealed class ReadJudge(VisibilityPolicy policy, ReadCallerResolver callers)
{
    public const string TokenRequired = "This registry answers reads only with a bearer token";

    /// <summary>True when no read needs judging: every caller sees everything.</summary>
    public bool IsOpen => policy.Options.IsOpen;

    public async Task<ReadVerdict> JudgeAsync(string? authorizationHeader, CancellationToken cancellationToken)
    {
        if (IsOpen)
        {
            return ReadVerdict.Sees(ReadView.Everything);
        }

        ReadCaller caller;
        try
        {
            caller = await callers.ResolveAsync(authorizationHeader, cancellationToken);
        }
        catch (ReadTokenRejectedException rejected)
        {
            return ReadVerdict.Refused(rejected.Message, tokenWasInvalid: true);
        }

        return !caller.IsAuthenticated && policy.Options.RequiresAuthentication
            ? ReadVerdict.Refused(TokenRequired, tokenWasInvalid: false)
            : ReadVerdict.Sees(policy.ViewFor(caller));
    }
}

/// <summary>A caller's view, or why it may not read: an invalid token, or none where one is required.</summary>
public sealed record ReadVerdict(ReadView? View, string? Refusal, bool TokenWasInvalid)
{
    public static ReadVerdict Sees(ReadView view) => new(view, null, false);

    public static ReadVerdict Refused(string reason, bool tokenWasInvalid) => new(null, reason, tokenWasInvalid);
}
