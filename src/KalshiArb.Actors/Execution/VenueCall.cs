namespace KalshiArb.Actors.Execution;

/// <summary>
/// Runs one venue call (or any other outside call an actor pipes back) with a deadline, so a hung connection becomes an
/// "outcome unknown" instead of a stuck order.
/// </summary>
internal static class VenueCall
{
    public static async Task<T> Run<T>(Func<CancellationToken, Task<T>> call, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await call(cts.Token).WaitAsync(timeout).ConfigureAwait(false);
    }

    public static string Describe(Exception ex)
    {
        var inner = ex is AggregateException agg ? agg.Flatten().InnerException ?? ex : ex;
        return $"{inner.GetType().Name}: {inner.Message}";
    }
}
