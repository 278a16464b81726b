using Spectre.Console;

namespace KalshiArb.Node.Dashboard;

/// <summary>
/// Long operations show progress on stderr, so a report on stdout (JSON, CSV) stays clean: a Spectre progress bar when
/// stderr is a terminal, otherwise <see cref="PlainProgressLines"/> every few seconds.
/// </summary>
public static class TerminalProgress
{
    public static readonly TimeSpan PlainEvery = TimeSpan.FromSeconds(5);

    public static Task<T> RunAsync<T>(string what, string unit, bool terminal, TextWriter stderr, Func<IProgress<(int Done, int Total)>, Task<T>> work)
    {
        if (!terminal) return work(new PlainProgressLines(stderr, what, unit, PlainEvery));
        var screen = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stderr) });
        return screen.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask($"{what} ({unit})", maxValue: 1);
                return await work(new Bar(task));
            });
    }

    /// <summary>Sets the bar directly (Progress&lt;T&gt; would post to a captured context and lag behind).</summary>
    private sealed class Bar(ProgressTask task) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            task.MaxValue = Math.Max(1, value.Total);
            task.Value = value.Done;
        }
    }
}
