using System.Diagnostics.Metrics;
using KalshiArb.Actors.Metrics;
using KalshiArb.Node.Metrics;

namespace KalshiArb.Node.Tests.Metrics;

/// <summary>The exporter's text on a meter of the test's own (so other tests' measurements do not mix in).</summary>
public sealed class PrometheusExporterSpec : IDisposable
{
    private readonly Meter _meter = new("KalshiArb.Test." + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Counters_gauges_and_histograms_render_as_parseable_exposition_text()
    {
        using var exporter = new PrometheusExporter(_meter.Name);
        var orders = _meter.CreateCounter<long>("test_orders", description: "orders by state");
        var untouched = _meter.CreateCounter<long>("test_untouched");
        var latency = _meter.CreateHistogram("test_latency_seconds", "s", "latency",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.01, 0.1] });
        var open = 3.5;
        _meter.CreateObservableGauge("test_open_dollars", () => open, "USD", "open \"money\"\nsecond line");

        orders.Add(2, new KeyValuePair<string, object?>("state", "Filled"));
        orders.Add(1, new KeyValuePair<string, object?>("state", "Filled"));
        orders.Add(1, new KeyValuePair<string, object?>("state", "Can\"celed\\"));
        foreach (var seconds in new[] { 0.0005, 0.001, 0.005, 0.05, 3.0 }) latency.Record(seconds);

        var text = exporter.Scrape();
        var parsed = PrometheusText.Parse(text);

        Assert.Equal("counter", parsed.Types["test_orders_total"]);
        Assert.Equal(3, parsed.Named("test_orders_total").Single(s => s.Labels.GetValueOrDefault("state") == "Filled").Value);
        Assert.Equal(1, parsed.Named("test_orders_total").Single(s => s.Labels.GetValueOrDefault("state") == "Can\"celed\\").Value);
        Assert.All(parsed.Named("test_orders_total"), s => Assert.True(s.Labels.ContainsKey("state"), "an untagged 0 beside the tagged series"));
        Assert.Equal(0, parsed.Named("test_untouched_total").Single().Value); // present before its first measurement
        Assert.Equal("gauge", parsed.Types["test_open_dollars"]);
        Assert.Equal(3.5, parsed.Named("test_open_dollars").Single().Value);
        Assert.Contains("# HELP test_open_dollars open \"money\"\\nsecond line\n", text);

        Assert.Equal("histogram", parsed.Types["test_latency_seconds"]);
        var buckets = parsed.Named("test_latency_seconds_bucket").ToDictionary(s => s.Labels["le"], s => s.Value);
        Assert.Equal(new Dictionary<string, double> { ["0.001"] = 2, ["0.01"] = 3, ["0.1"] = 4, ["+Inf"] = 5 }, buckets);
        Assert.Equal(5, parsed.Total("test_latency_seconds_count"));
        Assert.Equal(3.0565, parsed.Total("test_latency_seconds_sum"), 9);
        _ = untouched;
    }

    [Fact]
    public void An_observable_gauge_without_a_reading_has_no_sample_and_a_stale_one_does_not_linger()
    {
        using var exporter = new PrometheusExporter(_meter.Name);
        double? reading = 1.25;
        _meter.CreateObservableGauge("test_mark_dollars", () => reading is { } r ? [new Measurement<double>(r)] : Array.Empty<Measurement<double>>());

        Assert.Equal(1.25, PrometheusText.Parse(exporter.Scrape()).Named("test_mark_dollars").Single().Value);
        reading = null;
        var parsed = PrometheusText.Parse(exporter.Scrape());
        Assert.Equal("gauge", parsed.Types["test_mark_dollars"]);
        Assert.Empty(parsed.Named("test_mark_dollars"));
    }

    [Fact]
    public void The_trading_meter_shows_every_instrument_from_the_first_scrape_on()
    {
        using var exporter = new PrometheusExporter();
        var parsed = PrometheusText.Parse(exporter.Scrape());
        foreach (var (name, type) in new[]
                 {
                     ("kalshiarb_feed_events_total", "counter"), ("kalshiarb_feed_gaps_total", "counter"),
                     ("kalshiarb_feed_resyncs_total", "counter"), ("kalshiarb_feed_reconnects_total", "counter"),
                     ("kalshiarb_feed_disconnects_total", "counter"), ("kalshiarb_signals_total", "counter"),
                     ("kalshiarb_signal_skips_total", "counter"), ("kalshiarb_admission_refusals_total", "counter"),
                     ("kalshiarb_risk_denials_total", "counter"), ("kalshiarb_order_transitions_total", "counter"),
                     ("kalshiarb_orders_ended_total", "counter"), ("kalshiarb_fills_total", "counter"),
                     ("kalshiarb_filled_contracts_total", "counter"), ("kalshiarb_journal_write_seconds", "histogram"),
                     ("kalshiarb_signal_to_venue_seconds", "histogram"), ("kalshiarb_pnl_realized_dollars", "gauge"),
                     ("kalshiarb_pnl_fees_dollars", "gauge"), ("kalshiarb_pnl_unrealized_at_mid_dollars", "gauge"),
                     ("kalshiarb_pnl_unrealized_at_fair_dollars", "gauge"),
                 })
            Assert.True(parsed.Types.TryGetValue(name, out var t) && t == type, $"{name} ({type}) missing:\n" + string.Join("\n", parsed.Types));
        Assert.Equal(TradingInstruments.LatencyBuckets.Count + 1, parsed.Named("kalshiarb_signal_to_venue_seconds_bucket").Count());
    }

    [Fact]
    public void Recording_allocates_nothing_with_the_exporter_attached()
    {
        using var exporter = new PrometheusExporter(_meter.Name);
        var events = _meter.CreateCounter<long>("test_events");
        var skips = _meter.CreateCounter<long>("test_skips");
        var latency = _meter.CreateHistogram<double>("test_seconds");
        var reason = new KeyValuePair<string, object?>("reason", "FeesEatEdge");
        var from = new KeyValuePair<string, object?>("from", "Submitting");
        var to = new KeyValuePair<string, object?>("to", "Filled");
        Record(); // the first measurement of a tag set makes its series
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++) Record();

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        var parsed = PrometheusText.Parse(exporter.Scrape());
        Assert.Equal(10_001, parsed.Total("test_events_total"));
        Assert.Equal(20_002, parsed.Total("test_skips_total"));
        Assert.Equal(10_001, parsed.Total("test_seconds_count"));

        void Record()
        {
            events.Add(1);
            skips.Add(1, reason);
            skips.Add(1, from, to);
            latency.Record(0.002);
        }
    }

    [Fact]
    public void The_pnl_total_becomes_the_gauges_reading_and_bad_money_text_gives_none()
    {
        var total = new AdminPnlLine("total", "0", "-12.3400", "1.0700", "2.5000", null);
        var reading = PnlReadings.From(new AdminPnlStatus(total, [], [], []));
        Assert.Equal(new PnlReading(-12.34, 1.07, 2.5, null), reading);
        Assert.Null(PnlReadings.From(null));
        Assert.Null(PnlReadings.From(new AdminPnlStatus(total with { Realized = "12,34" }, [], [], [])));
    }

    public void Dispose() => _meter.Dispose();
}
