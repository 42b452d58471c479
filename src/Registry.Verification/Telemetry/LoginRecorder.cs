using System.Diagnostics;
using Registry.Data.Audit;
using Registry.Domain.Audit;
using Registry.Domain.Errors;
using Registry.ServiceHosting;
using Registry.Verification.Logins;

namespace Registry.Verification.Telemetry;

/// <summary>
/// One log event, one span and one audit row per login, whatever the method and the outcome. Only what the login proved (the
/// subject and its permissions) or why it was refused is written: never the credential, the signature or the
/// registry token issued, since log stores are read by more people than the registry's keys.
/// </summary>
public sealed class LoginRecorder(ILogger<LoginRecorder> logger, AuditTrailWriter audit, IHttpContextAccessor http)
{
    private const int GrantedStatus = 200;
    private const int FailedStatus = 500;

    public async Task<TokenGrant> RecordAsync(string method, Func<Task<TokenGrant>> login)
    {
        using var activity = VerificationActivitySource.Instance.StartActivity("login " + method);
        activity?.SetTag("registry.login.method", method);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var grant = await login();
            var elapsedMs = VerificationActivitySource.ElapsedMs(started);
            activity?.SetTag("registry.login.outcome", "granted").SetTag("registry.login.subject", grant.Subject);
            logger.LogInformation("Login {Method} granted {Subject} ({Permissions}) in {ElapsedMs} ms",
                method, grant.Subject, grant.Permissions.Select(p => $"{p.Action} {p.Resource}").ToArray(), elapsedMs);
            await RecordAuditAsync(method, grant.Subject, string.Join(", ", grant.Permissions.Select(p => $"{p.Action}:{p.Resource}")),
                AuditOutcomes.Succeeded, GrantedStatus);
            return grant;
        }
        catch (RegistryException refusal)
        {
            var reason = Reason(refusal);
            var elapsedMs = VerificationActivitySource.ElapsedMs(started);
            activity?.SetTag("registry.login.outcome", "refused").SetTag("registry.login.reason", reason);
            logger.LogWarning("Login {Method} refused with {Status} in {ElapsedMs} ms: {Reason}", method, refusal.Status, elapsedMs, reason);
            await RecordAuditAsync(method, "", null, AuditOutcomes.Refused, refusal.Status);
            throw;
        }
        catch (Exception ex)
        {
            // The exception itself reaches the host's error log; its message is not repeated here in case it quotes input.
            var elapsedMs = VerificationActivitySource.ElapsedMs(started);
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            logger.LogError("Login {Method} failed in {ElapsedMs} ms: {ErrorType}", method, elapsedMs, ex.GetType().Name);
            await RecordAuditAsync(method, "", null, AuditOutcomes.Failed, FailedStatus);
            throw;
        }
    }

    /// <summary>A login uses no permission; what it granted is its detail. The credential is not passed here at all.</summary>
    private Task RecordAuditAsync(string method, string subject, string? granted, string outcome, int statusCode) =>
        audit.AppendAsync(new AuditEntry(subject, method, [], ClientAddress.Of(http.HttpContext), AuditActions.Login,
            null, null, granted, outcome, statusCode));

    /// <summary>The detail and the causes the caller is shown; an error's echoed value is left out.</summary>
    private static string Reason(RegistryException refusal) =>
        refusal.Errors.Count == 0 ? refusal.Detail : $"{refusal.Detail}: {string.Join("; ", refusal.Errors.Select(e => e.Message))}";
}
