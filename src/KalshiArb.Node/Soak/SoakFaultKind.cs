namespace KalshiArb.Node.Soak;

/// <summary>What the soak does to the system at one point of its schedule.</summary>
public enum SoakFaultKind
{
    /// <summary>kill -9 of the node 0–1.5 s after it placed an order (caught mid-submit), then a restart.</summary>
    KillAfterSignal,

    /// <summary>kill -9 of the node at an arbitrary moment, then a restart.</summary>
    Kill,

    /// <summary>SIGTERM (graceful stop: orders drain), then a restart.</summary>
    Terminate,

    /// <summary>The simulator aborts every WebSocket connection.</summary>
    WebSocketDrop,

    /// <summary>The next book delta of each market skips a sequence number.</summary>
    SequenceGap,

    /// <summary>Every REST answer is delayed for a while.</summary>
    RestDelay,

    /// <summary>A share of REST calls answered 500/503 for a while.</summary>
    ServerErrorStorm,

    /// <summary>A share of REST calls answered 429 for a while.</summary>
    RateLimitStorm,

    /// <summary>The journal is locked by another writer for ~10 s: its writes cannot commit.</summary>
    JournalLock,
}

public static class SoakFaultKindText
{
    /// <summary>The name printed in the summary.</summary>
    public static string Name(this SoakFaultKind kind) => kind switch
    {
        SoakFaultKind.KillAfterSignal => "kill-9-mid-submit",
        SoakFaultKind.Kill => "kill-9",
        SoakFaultKind.Terminate => "sigterm",
        SoakFaultKind.WebSocketDrop => "ws-drop",
        SoakFaultKind.SequenceGap => "seq-gap",
        SoakFaultKind.RestDelay => "rest-delay",
        SoakFaultKind.ServerErrorStorm => "5xx-storm",
        SoakFaultKind.RateLimitStorm => "429-storm",
        SoakFaultKind.JournalLock => "journal-lock",
        _ => kind.ToString(),
    };

    /// <summary>Faults that stop the node process (it is restarted on the same data dir).</summary>
    public static bool StopsNode(this SoakFaultKind kind) => kind is SoakFaultKind.KillAfterSignal or SoakFaultKind.Kill or SoakFaultKind.Terminate;
}
