namespace KalshiArb.Node.Soak;

/// <summary>What `kalshiarb soak` was asked to do.</summary>
public sealed record SoakOptions
{
    public required TimeSpan Duration { get; init; }
    public required int Seed { get; init; }

    /// <summary>Three nodes on loopback sharing a PostgreSQL journal (a fresh database on <see cref="PostgresServer"/>).</summary>
    public bool Cluster { get; init; }

    /// <summary>Connection string of the PostgreSQL server for --cluster (KA_PG_CONNECTION or --pg).</summary>
    public string? PostgresServer { get; init; }

    public int NodeCount => Cluster ? 3 : 1;

    /// <summary>Keep the temp dir (journal, logs, simulator keys) instead of deleting it.</summary>
    public bool Keep { get; init; }

    /// <summary>How to start `kalshiarb` children; default: this executable.</summary>
    public SoakLauncher? Launcher { get; init; }

    /// <summary>How long the start of the simulator and of the first node may take.</summary>
    public TimeSpan StartBound { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>How long the node may take to be healthy again after a fault before it counts as not healed.</summary>
    public TimeSpan HealBound { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A cluster must also remove the dead member and take the restarted one back.</summary>
    public TimeSpan EffectiveHealBound => Cluster ? HealBound * 2 : HealBound;

    /// <summary>The fixed bound after the duration: graceful stop (orders drain), reading the venue and the journal.</summary>
    public TimeSpan DrainBound { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The whole run, whatever happens: start, duration, one last heal, drain.</summary>
    public TimeSpan HardLimit => StartBound + Duration + EffectiveHealBound + DrainBound * (NodeCount + 1);
}
