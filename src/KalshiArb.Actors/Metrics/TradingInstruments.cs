using System.Diagnostics;
using System.Diagnostics.Metrics;
using KalshiArb.Domain.Detection;
using KalshiArb.Domain.Risk;

namespace KalshiArb.Actors.Metrics;

/// <summary>
/// Every instrument of the "KalshiArb" meter, defined here and nowhere else; actors call the Record methods. Names follow
/// Prometheus conventions (the exporter adds "_total" to counters, "_bucket"/"_sum"/"_count" to histograms). Tags are enum
/// names only (bounded cardinality), never tickers or ids. Recording allocates nothing: counters without tags or with
/// pre-built tags, and with no listener attached an Add is a flag check.
/// One meter per process: nodes sharing a process (tests) add into the same instruments.
/// </summary>
public static class TradingInstruments
{
    public const string MeterName = "KalshiArb";

    /// <summary>Latency buckets in seconds: from 100 µs (an in-process order path) to 10 s (a venue call timing out).</summary>
    public static readonly IReadOnlyList<double> LatencyBuckets =
        [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static readonly Meter Meter = new(MeterName);

    // Before the instruments that use them: static fields initialize in textual order.
    private static readonly InstrumentAdvice<double> Buckets = new() { HistogramBucketBoundaries = LatencyBuckets };

    private static readonly EnumTags<SkipReason> SkipReasons = new("reason");
    private static readonly EnumTags<AdmissionRefusal> RefusalReasons = new("reason");
    private static readonly EnumTags<RiskDenialReason> DenialReasons = new("reason");
    private static readonly EnumTags<ExecutionOrderState> EndStates = new("state");
    private static readonly EnumTags<ExecutionOrderState> FromStates = new("from");
    private static readonly EnumTags<ExecutionOrderState> ToStates = new("to");

    public static readonly Counter<long> FeedEvents = Meter.CreateCounter<long>("kalshiarb_feed_events", "{event}",
        "Market-data events the feed received (books, trades, lifecycle, control).");

    public static readonly Counter<long> FeedGaps = Meter.CreateCounter<long>("kalshiarb_feed_gaps", "{gap}",
        "Sequence gaps on the market-data feed: the book concerned waits for a snapshot.");

    public static readonly Counter<long> FeedResyncs = Meter.CreateCounter<long>("kalshiarb_feed_resyncs", "{resync}",
        "Snapshots asked for because a market's book broke in its actor.");

    public static readonly Counter<long> FeedReconnects = Meter.CreateCounter<long>("kalshiarb_feed_reconnects", "{connection}",
        "Connections of the market-data feed after its first one.");

    public static readonly Counter<long> FeedDisconnects = Meter.CreateCounter<long>("kalshiarb_feed_disconnects", "{disconnect}",
        "Disconnections of the market-data feed (every book then waits for a snapshot).");

    public static readonly Counter<long> Signals = Meter.CreateCounter<long>("kalshiarb_signals", "{signal}",
        "Trade signals the markets sent to execution.");

    public static readonly Counter<long> SignalSkips = Meter.CreateCounter<long>("kalshiarb_signal_skips", "{evaluation}",
        "Market evaluations that produced no signal, by reason.");

    public static readonly Counter<long> AdmissionRefusals = Meter.CreateCounter<long>("kalshiarb_admission_refusals", "{signal}",
        "Signals refused at order admission (shutting down, halted, too old), by reason.");

    public static readonly Counter<long> RiskDenials = Meter.CreateCounter<long>("kalshiarb_risk_denials", "{order}",
        "Orders the risk gate denied, by reason.");

    public static readonly Counter<long> OrderTransitions = Meter.CreateCounter<long>("kalshiarb_order_transitions", "{transition}",
        "Order state changes, by state left and state entered.");

    public static readonly Counter<long> OrdersEnded = Meter.CreateCounter<long>("kalshiarb_orders_ended", "{order}",
        "Orders that reached a terminal state (filled, canceled, expired, rejected, risk-denied, settled), by that state.");

    public static readonly Counter<long> Fills = Meter.CreateCounter<long>("kalshiarb_fills", "{fill}",
        "Venue fills applied to our orders.");

    public static readonly Counter<double> FilledContracts = Meter.CreateCounter<double>("kalshiarb_filled_contracts", "{contract}",
        "Contracts filled (Kalshi counts in hundredths, hence fractional).");

    public static readonly Histogram<double> JournalWriteSeconds = Meter.CreateHistogram("kalshiarb_journal_write_seconds", "s",
        "One atomic journal write, from queued to durable (group commit included).", advice: Buckets);

    public static readonly Histogram<double> SignalToVenueSeconds = Meter.CreateHistogram("kalshiarb_signal_to_venue_seconds", "s",
        "From the signal's decision to the order's first venue call (signal time is whole milliseconds: up to 1 ms high).", advice: Buckets);

    private static Func<PnlReading?> _pnl = NoPnl;

    static TradingInstruments()
    {
        // Observed at collection time from whatever the host registered; no reading, no sample.
        Meter.CreateObservableGauge("kalshiarb_pnl_realized_dollars", () => Observe(p => p.Realized), "USD",
            "Realized P&L since the journal began, after fees (negative is a loss).");
        Meter.CreateObservableGauge("kalshiarb_pnl_fees_dollars", () => Observe(p => p.Fees), "USD",
            "Kalshi fees paid since the journal began.");
        Meter.CreateObservableGauge("kalshiarb_pnl_unrealized_at_mid_dollars", () => Observe(p => p.UnrealizedAtMid), "USD",
            "Open contracts marked at the book's mid minus their cost (absent when some open market has no two-sided book).");
        Meter.CreateObservableGauge("kalshiarb_pnl_unrealized_at_fair_dollars", () => Observe(p => p.UnrealizedAtFair), "USD",
            "Open contracts marked at the consensus fair value minus their cost (absent when some open market has no fair value).");
    }

    /// <summary>
    /// Where the P&amp;L gauges read from (the host's ledger); the last registration wins. Dispose the answer to stop
    /// reading from it (a stopped node's ledger must not keep answering).
    /// </summary>
    public static IDisposable ObservePnl(Func<PnlReading?> provider)
    {
        Volatile.Write(ref _pnl, provider);
        return new PnlRegistration(provider);
    }

    public static void RecordFeedEvent() => FeedEvents.Add(1);
    public static void RecordFeedGap() => FeedGaps.Add(1);
    public static void RecordFeedResync() => FeedResyncs.Add(1);
    public static void RecordFeedReconnect() => FeedReconnects.Add(1);
    public static void RecordFeedDisconnect() => FeedDisconnects.Add(1);
    public static void RecordSignal() => Signals.Add(1);
    public static void RecordSkip(SkipReason reason) => SignalSkips.Add(1, SkipReasons[reason]);
    public static void RecordAdmissionRefusal(AdmissionRefusal reason) => AdmissionRefusals.Add(1, RefusalReasons[reason]);
    public static void RecordRiskDenial(RiskDenialReason reason) => RiskDenials.Add(1, DenialReasons[reason]);

    /// <summary>An order moved from <paramref name="from"/> (null: not created yet) to <paramref name="to"/>; a terminal state also counts as an end.</summary>
    public static void RecordOrderTransition(ExecutionOrderState? from, ExecutionOrderState to)
    {
        // An order starts in Created: its creation is not a transition, leaving Created is.
        var left = from ?? ExecutionOrderState.Created;
        if (left == to) return;
        OrderTransitions.Add(1, FromStates[left], ToStates[to]);
        if (to.IsTerminal() && from?.IsTerminal() != true) OrdersEnded.Add(1, EndStates[to]);
    }

    public static void RecordFill(double contracts)
    {
        Fills.Add(1);
        FilledContracts.Add(contracts);
    }

    /// <summary>Elapsed since <paramref name="startTimestamp"/> (a <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static void RecordJournalWrite(long startTimestamp) =>
        JournalWriteSeconds.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds);

    public static void RecordSignalToVenue(TimeSpan elapsed) => SignalToVenueSeconds.Record(Math.Max(0, elapsed.TotalSeconds));

    private static IEnumerable<Measurement<double>> Observe(Func<PnlReading, double?> pick)
    {
        PnlReading? reading;
        try
        {
            reading = Volatile.Read(ref _pnl)();
        }
        catch (Exception)
        {
            // A ledger that cannot answer right now leaves the gauge without a sample rather than failing the whole scrape.
            return [];
        }
        return reading is not null && pick(reading) is { } value ? [new Measurement<double>(value)] : [];
    }

    private static PnlReading? NoPnl() => null;

    private sealed class PnlRegistration(Func<PnlReading?> provider) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref _pnl, NoPnl, provider);
    }
}
