namespace KalshiArb.Node.Dashboard;

/// <summary>
/// Progress without a terminal: one plain line at most every <c>every</c> ("audit: 1200 of 5000 orders read (24%)"),
/// and a last line when the work that printed any finishes. A job shorter than <c>every</c> prints nothing, so quick
/// runs and scripts see the same output as before.
/// </summary>
public sealed class PlainProgressLines(TextWriter writer, string what, string unit, TimeSpan every, TimeProvider? clock = null)
    : IProgress<(int Done, int Total)>
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private DateTimeOffset? _started;
    private DateTimeOffset _lastLine;
    private bool _printed;

    public void Report((int Done, int Total) value)
    {
        var now = _clock.GetUtcNow();
        if (_started is null)
        {
            _started = now;
            _lastLine = now;
        }
        var finished = value.Done >= value.Total;
        if (finished ? !_printed : now - _lastLine < every) return;
        var percent = value.Total == 0 ? 100 : value.Done * 100L / value.Total;
        writer.WriteLine($"{what}: {value.Done} of {value.Total} {unit} ({percent}%)");
        _lastLine = now;
        _printed = true;
    }
}
