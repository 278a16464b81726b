namespace KalshiArb.Node.Dashboard;

/// <summary>
/// Keys from the terminal without ever blocking a thread on them: Console.ReadKey is only called when a key is already
/// waiting (KeyAvailable), otherwise the wait is an awaited, cancellable delay in short steps.
/// </summary>
public sealed class TerminalKeys : IKeySource
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    public async Task<char?> NextKeyAsync(TimeSpan within, CancellationToken ct)
    {
        var until = DateTime.UtcNow + within;
        while (true)
        {
            if (Console.KeyAvailable) return Console.ReadKey(intercept: true).KeyChar;
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) return null;
            await Task.Delay(left < Step ? left : Step, ct);
        }
    }
}
