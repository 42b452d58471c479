using System.CommandLine;
using System.Text;
using Registry.Cli.Connection;
using Registry.Cli.Login;
using Registry.Cli.Output;
using Registry.Contracts.V0;

namespace Registry.Cli.Commands;

/// <summary><c>audit [filters]</c> and <c>audit export [filters]</c>: the audit trail (needs the audit permission).</summary>
public static class AuditCommands
{
    public static Command Create(CommandRunner runner)
    {
        var filters = new AuditFilters();
        var limit = new Option<int?>("--limit") { Description = "Events per page, 1..1000 (default 100)" };
        var auth = new AuthOptions();
        var audit = new Command("audit", "Read a page of the audit trail, oldest first") { limit };
        filters.AddTo(audit);
        auth.AddTo(audit);
        runner.Bind(audit, async invocation =>
        {
            var request = filters.Request(invocation);
            if (invocation.Value(limit) is { } l) request.Limit = l;
            var token = await auth.TokenAsync(invocation);
            var page = await invocation.CallAsync(ServiceKind.Publish, (channel, call) =>
                new Audit.AuditClient(channel).ListAuditEventsAsync(request, call).ResponseAsync, token);
            if (invocation.Json)
            {
                invocation.Console.Line(JsonOutput.Document(page));
            }
            else
            {
                invocation.Console.Out.Write(AdminTables.Audit(page.Events));
                invocation.Console.Note($"{page.Events.Count} event(s). Next page: --after {page.Metadata?.NextAfter ?? 0}");
            }

            return ExitCodes.Success;
        });
        audit.Subcommands.Add(Export(runner));
        return audit;
    }

    private static Command Export(CommandRunner runner)
    {
        var filters = new AuditFilters();
        var auth = new AuthOptions();
        var command = new Command("export", "Write every matching event as JSON lines to standard output");
        filters.AddTo(command);
        auth.AddTo(command);
        runner.Bind(command, async invocation =>
        {
            var request = filters.Request(invocation);
            var token = await auth.TokenAsync(invocation);
            var body = await invocation.WithStatusAsync("Exporting the audit trail…", _ => invocation.CallAsync(ServiceKind.Publish, (channel, call) =>
                new Audit.AuditClient(channel).ExportAuditEventsAsync(request, call).ResponseAsync, token));
            var text = Encoding.UTF8.GetString(body.Data.Span);
            invocation.Console.OutWriter.Write(text.Length == 0 || text.EndsWith('\n') ? text : text + "\n");
            await invocation.Console.OutWriter.FlushAsync(invocation.CancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The filters both commands take, one instance per command.</summary>
    private sealed class AuditFilters
    {
        private readonly Option<string?> actor = new("--actor") { Description = "Only events of this token subject" };
        private readonly Option<string?> name = new("--name") { Description = "Only events about this server name" };
        private readonly Option<string?> since = new("--since") { Description = "RFC 3339; events at or after it", HelpName = "time" };
        private readonly Option<string?> until = new("--until") { Description = "RFC 3339; events before it", HelpName = "time" };
        private readonly Option<string?> action = new("--action") { Description = "publish | edit | status | delete | annotate | login | mirror" };
        private readonly Option<string?> outcome = new("--outcome") { Description = "succeeded | refused | failed" };
        private readonly Option<long?> after = new("--after") { Description = "Only events with a greater id (the next page)", HelpName = "id" };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { actor, name, since, until, action, outcome, after })
            {
                command.Options.Add(option);
            }
        }

        public ListAuditEventsRequest Request(Invocation invocation)
        {
            var request = new ListAuditEventsRequest();
            if (invocation.Value(actor) is { } a) request.Actor = a;
            if (invocation.Value(name) is { } n) request.ServerName = n;
            if (invocation.Value(since) is { } s) request.Since = s;
            if (invocation.Value(until) is { } u) request.Until = u;
            if (invocation.Value(action) is { } act) request.Action = act;
            if (invocation.Value(outcome) is { } o) request.Outcome = o;
            if (invocation.Value(after) is { } id) request.After = id;
            return request;
        }
    }
}
