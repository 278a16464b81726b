namespace KalshiArb.Actors.Tests.Metrics;

/// <summary>
/// Specs that count what actors record into the process-wide instruments run alone: actors record on their dispatcher's
/// threads, so only the absence of other tests makes an exact count meaningful.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "process-wide metrics";
}
