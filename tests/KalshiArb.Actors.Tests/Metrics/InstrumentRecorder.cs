using System.Diagnostics.Metrics;
using KalshiArb.Actors.Metrics;

namespace KalshiArb.Actors.Tests.Metrics;

/// <summary>
/// Collects what the trading meter records on the creating thread only: other tests running in parallel record into the
/// same (process-wide) instruments from their own threads.
/// </summary>
internal sealed class InstrumentRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly int _thread = Environment.CurrentManagedThreadId;
    private readonly List<Recorded> _recorded = [];

    public sealed record Recorded(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);

    public InstrumentRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TradingInstruments.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    public IReadOnlyList<Recorded> Of(string instrument) => _recorded.Where(r => r.Instrument == instrument).ToList();

    /// <summary>Reads the observable gauges now (on this thread).</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (Environment.CurrentManagedThreadId != _thread) return;
        var copy = new Dictionary<string, string?>();
        foreach (var t in tags) copy[t.Key] = t.Value?.ToString();
        _recorded.Add(new Recorded(instrument.Name, value, copy));
    }

    public void Dispose() => _listener.Dispose();
}
