namespace KalshiArb.Node.Dashboard;

/// <summary>Where the dashboard's key presses come from (the terminal, or a test's script).</summary>
public interface IKeySource
{
    /// <summary>The next key pressed within <paramref name="within"/>, or null when none was; never waits past it or <paramref name="ct"/>.</summary>
    Task<char?> NextKeyAsync(TimeSpan within, CancellationToken ct);
}
