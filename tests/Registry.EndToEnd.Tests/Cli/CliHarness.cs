using System.Text;
using Registry.Cli;

namespace Registry.EndToEnd.Tests.Cli;

/// <summary>Runs the CLI in-process against a running registry, its addresses given the way a user gives them: variables.</summary>
internal sealed class CliHarness(RegistryAppFixture registry)
{
    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Err}";
    }

    public Dictionary<string, string?> Environment() => new()
    {
        ["REGISTRY_CATALOG_GRPC"] = registry.App.GetEndpoint("catalog", "http").ToString(),
        ["REGISTRY_PUBLISH_GRPC"] = registry.App.GetEndpoint("publish", "http").ToString(),
        ["REGISTRY_VERIFICATION_GRPC"] = registry.App.GetEndpoint("verification", "http").ToString(),
    };

    public async Task<Result> RunAsync(params string[] args)
    {
        var output = new LockedWriter();
        var error = new LockedWriter();
        var code = await CliApplication.RunAsync(args, output, error, Environment());
        return new Result(code, output.Text, error.Text);
    }

    /// <summary>Starts a long-running command whose output can be read while it runs, and stopped as Ctrl+C stops it.</summary>
    public Running Start(params string[] args)
    {
        var output = new LockedWriter();
        var error = new LockedWriter();
        var interrupt = new CancellationTokenSource();
        var run = Task.Run(() => CliApplication.RunAsync(args, output, error, Environment(), cancellationToken: interrupt.Token));
        return new Running(run, output, error, interrupt);
    }

    public sealed class Running(Task<int> run, LockedWriter output, LockedWriter error, CancellationTokenSource interrupt) : IAsyncDisposable
    {
        public string Out => output.Text;

        public string Err => error.Text;

        public async Task WaitForOutputAsync(Func<string, bool> done, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!done(Out))
            {
                Assert.False(run.IsCompleted, $"the command ended early: exit {(run.IsCompleted ? run.Result : -1)}\n{Err}");
                Assert.True(DateTime.UtcNow < deadline, $"no such output within {timeout}:\n{Out}\n{Err}");
                await Task.Delay(100);
            }
        }

        /// <summary>Interrupts the command and returns its exit code.</summary>
        public async Task<int> InterruptAsync()
        {
            await interrupt.CancelAsync();
            return await run.WaitAsync(TimeSpan.FromSeconds(10));
        }

        public async ValueTask DisposeAsync()
        {
            await interrupt.CancelAsync();
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10)));
            interrupt.Dispose();
        }
    }

    /// <summary>A writer a test may read while the command writes to it from another thread.</summary>
    public sealed class LockedWriter : TextWriter
    {
        private readonly StringBuilder text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (text)
                {
                    return text.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (text)
            {
                text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (text)
            {
                text.Append(value);
            }
        }
    }
}
