namespace KalshiArb.Actors.Execution;

/// <summary>Ask an <see cref="OrderAdmission"/> for the last signals it saw and what became of them.</summary>
public sealed record GetRecentSignals
{
    public static readonly GetRecentSignals Instance = new();
}

/// <summary>The newest signals first, at most <see cref="RecentSignalLog.Capacity"/>.</summary>
public sealed record RecentSignals(IReadOnlyList<RecentSignal> Signals);

/// <param name="Outcome">"admitted", "placed", "repeated", "refused: Halted", "not placed: reason"</param>
public sealed record RecentSignal(long AtMs, string SignalId, string ExecutionId, string Ticker, OutcomeSide Side, Price LimitPrice,
    Quantity Count, double FairProbability, double EdgePerContract, string Outcome)
{
    /// <summary>The strategy that detected it (empty from nodes that predate it).</summary>
    public string StrategyId { get; init; } = "";

    /// <summary>When the market detected it, on its event clock (<see cref="Contracts.TradeSignal.CreatedAtMs"/>); 0 from nodes that predate it.</summary>
    public long CreatedAtMs { get; init; }
}

/// <summary>The last signals at one door, bounded: the oldest drops out when a new one arrives.</summary>
public sealed class RecentSignalLog
{
    public const int Capacity = 50;

    private readonly LinkedList<RecentSignal> _newestFirst = new();

    public void Add(RecentSignal signal)
    {
        _newestFirst.AddFirst(signal);
        if (_newestFirst.Count > Capacity) _newestFirst.RemoveLast();
    }

    /// <summary>A later answer for an admitted signal (placed, repeated, not placed) replaces its outcome.</summary>
    public void Resolve(string executionId, string outcome)
    {
        for (var node = _newestFirst.First; node is not null; node = node.Next)
        {
            if (node.Value.ExecutionId != executionId) continue;
            node.Value = node.Value with { Outcome = outcome };
            return;
        }
    }

    public RecentSignals Snapshot() => new(_newestFirst.ToArray());
}
