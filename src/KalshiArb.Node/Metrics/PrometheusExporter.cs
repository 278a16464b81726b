using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using KalshiArb.Actors.Metrics;

namespace KalshiArb.Node.Metrics;

/// <summary>
/// Listens to one meter (by default <see cref="TradingInstruments.MeterName"/>) and renders everything it recorded in
/// the Prometheus text exposition format (0.0.4). Ours rather than a package's: a few hundred lines with no dependency,
/// nothing to start, and the histogram buckets the instruments advise.
/// Measurement callbacks are lock-free; a scrape takes a lock only against other scrapes.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly ConcurrentDictionary<Instrument, MetricFamily> _families = new();
    private readonly MeterListener _listener;
    private readonly Lock _scrape = new();

    public PrometheusExporter(string meterName = TradingInstruments.MeterName)
    {
        // The trading instruments exist from the first scrape on, measured or not.
        if (meterName == TradingInstruments.MeterName) _ = TradingInstruments.Meter;
        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name != meterName) return;
                var family = _families.GetOrAdd(instrument, i => new MetricFamily(i));
                listener.EnableMeasurementEvents(instrument, family);
            },
            MeasurementsCompleted = (instrument, _) => _families.TryRemove(instrument, out MetricFamily? _),
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((MetricFamily)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>Every metric family, sorted by name, observable gauges read now.</summary>
    public string Scrape()
    {
        lock (_scrape)
        {
            var families = _families.Values.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
            foreach (var f in families) f.ClearObserved();
            _listener.RecordObservableInstruments();
            var text = new StringBuilder();
            foreach (var f in families) f.WriteTo(text);
            return text.ToString();
        }
    }

    public void Dispose() => _listener.Dispose();
}
