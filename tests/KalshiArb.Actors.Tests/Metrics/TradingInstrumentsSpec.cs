using System.Diagnostics;
using System.Diagnostics.Metrics;
using KalshiArb.Actors.Metrics;
using KalshiArb.Domain.Detection;

namespace KalshiArb.Actors.Tests.Metrics;

public sealed class TradingInstrumentsSpec
{
    [Fact]
    public void Every_instrument_lives_on_the_KalshiArb_meter_under_a_prometheus_name()
    {
        _ = TradingInstruments.Meter; // the instruments exist once the class is initialized
        var published = new List<Instrument>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (i, _) =>
            {
                if (i.Meter.Name == TradingInstruments.MeterName) published.Add(i);
            };
            listener.Start();
        }
        var names = published.Select(i => i.Name).ToList();
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.All(names, n => Assert.Matches("^kalshiarb_[a-z_]+$", n));
        Assert.Superset(new HashSet<string>
        {
            "kalshiarb_feed_events", "kalshiarb_feed_gaps", "kalshiarb_feed_resyncs", "kalshiarb_feed_reconnects", "kalshiarb_signals",
            "kalshiarb_signal_skips", "kalshiarb_risk_denials", "kalshiarb_order_transitions", "kalshiarb_orders_ended", "kalshiarb_fills",
            "kalshiarb_filled_contracts", "kalshiarb_journal_write_seconds", "kalshiarb_signal_to_venue_seconds",
            "kalshiarb_pnl_realized_dollars", "kalshiarb_pnl_fees_dollars", "kalshiarb_pnl_unrealized_at_mid_dollars",
            "kalshiarb_pnl_unrealized_at_fair_dollars",
        }, names.ToHashSet());
        // Latency histograms are in seconds and advise their buckets, so every exporter shows the same ones.
        foreach (var h in published.OfType<Histogram<double>>())
        {
            Assert.Equal("s", h.Unit);
            Assert.Equal(TradingInstruments.LatencyBuckets, h.Advice!.HistogramBucketBoundaries);
        }
    }

    [Fact]
    public void Skips_denials_and_refusals_are_tagged_by_their_reason_name()
    {
        using var recorder = new InstrumentRecorder();
        TradingInstruments.RecordSkip(SkipReason.FeesEatEdge);
        TradingInstruments.RecordRiskDenial(RiskDenialReason.DuplicateExecutionId);
        TradingInstruments.RecordAdmissionRefusal(AdmissionRefusal.Halted);
        TradingInstruments.RecordSkip((SkipReason)999); // not a named value: still counted, under its number

        Assert.Equal(["FeesEatEdge", "999"], recorder.Of("kalshiarb_signal_skips").Select(r => r.Tags["reason"]));
        Assert.Equal("DuplicateExecutionId", recorder.Of("kalshiarb_risk_denials").Single().Tags["reason"]);
        Assert.Equal("Halted", recorder.Of("kalshiarb_admission_refusals").Single().Tags["reason"]);
        Assert.All(recorder.Of("kalshiarb_signal_skips"), r => Assert.Equal(1, r.Value));
    }

    [Fact]
    public void A_transition_is_counted_by_both_states_and_an_order_ends_once()
    {
        using var recorder = new InstrumentRecorder();
        TradingInstruments.RecordOrderTransition(null, ExecutionOrderState.Created); // creation: not a transition
        TradingInstruments.RecordOrderTransition(ExecutionOrderState.Created, ExecutionOrderState.Submitting);
        TradingInstruments.RecordOrderTransition(ExecutionOrderState.Submitting, ExecutionOrderState.Filled);
        TradingInstruments.RecordOrderTransition(ExecutionOrderState.Filled, ExecutionOrderState.Settled); // already ended
        TradingInstruments.RecordOrderTransition(null, ExecutionOrderState.RiskDenied);

        Assert.Equal(["Created>Submitting", "Submitting>Filled", "Filled>Settled", "Created>RiskDenied"],
            recorder.Of("kalshiarb_order_transitions").Select(r => r.Tags["from"] + ">" + r.Tags["to"]));
        Assert.Equal(["Filled", "RiskDenied"], recorder.Of("kalshiarb_orders_ended").Select(r => r.Tags["state"]));
    }

    [Fact]
    public void Fills_count_fills_and_contracts_and_latencies_are_seconds()
    {
        using var recorder = new InstrumentRecorder();
        TradingInstruments.RecordFill(2.5);
        TradingInstruments.RecordSignalToVenue(TimeSpan.FromMilliseconds(3));
        TradingInstruments.RecordSignalToVenue(TimeSpan.FromMilliseconds(-2)); // clocks that disagree never give a negative latency
        TradingInstruments.RecordJournalWrite(Stopwatch.GetTimestamp() - Stopwatch.Frequency / 100);

        Assert.Equal(1, recorder.Of("kalshiarb_fills").Single().Value);
        Assert.Equal(2.5, recorder.Of("kalshiarb_filled_contracts").Single().Value);
        Assert.Equal([0.003, 0], recorder.Of("kalshiarb_signal_to_venue_seconds").Select(r => r.Value));
        Assert.InRange(recorder.Of("kalshiarb_journal_write_seconds").Single().Value, 0.01, 5);
    }

    [Fact]
    public void The_pnl_gauges_read_the_registered_source_until_it_is_released()
    {
        using var recorder = new InstrumentRecorder();
        var source = TradingInstruments.ObservePnl(() => new PnlReading(-1.25, 0.07, 3.5, null));
        recorder.Observe();
        Assert.Equal(-1.25, recorder.Of("kalshiarb_pnl_realized_dollars").Single().Value);
        Assert.Equal(0.07, recorder.Of("kalshiarb_pnl_fees_dollars").Single().Value);
        Assert.Equal(3.5, recorder.Of("kalshiarb_pnl_unrealized_at_mid_dollars").Single().Value);
        Assert.Empty(recorder.Of("kalshiarb_pnl_unrealized_at_fair_dollars")); // no fair value: no sample, not 0

        source.Dispose();
        using var afterwards = new InstrumentRecorder();
        afterwards.Observe();
        Assert.Empty(afterwards.Of("kalshiarb_pnl_realized_dollars"));

        using var failing = TradingInstruments.ObservePnl(() => throw new InvalidOperationException("ledger busy"));
        afterwards.Observe(); // a source that throws leaves the gauges empty rather than failing the collection
        Assert.Empty(afterwards.Of("kalshiarb_pnl_realized_dollars"));
    }

    [Fact]
    public void Recording_on_the_ingest_path_allocates_nothing_while_a_listener_collects()
    {
        long seen = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (i, l) =>
        {
            if (i.Meter.Name == TradingInstruments.MeterName) l.EnableMeasurementEvents(i);
        };
        listener.SetMeasurementEventCallback<long>((_, v, _, _) => Interlocked.Add(ref seen, v));
        listener.Start();
        // Warm up: the first call of each path builds its caches.
        Record();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++) Record();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(Interlocked.Read(ref seen) >= 50_000);

        static void Record()
        {
            TradingInstruments.RecordFeedEvent();
            TradingInstruments.RecordFeedGap();
            TradingInstruments.RecordSignal();
            TradingInstruments.RecordSkip(SkipReason.EdgeBelowThreshold);
            TradingInstruments.RecordOrderTransition(ExecutionOrderState.Submitting, ExecutionOrderState.Resting);
        }
    }
}
