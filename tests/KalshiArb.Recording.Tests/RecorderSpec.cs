using KalshiArb.Recording.Reading;
using KalshiArb.Recording.Recorder;

namespace KalshiArb.Recording.Tests;

public sealed class RecorderSpec
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Frames_odds_and_markers_reach_the_recording_in_order_with_their_keys()
    {
        using var dir = new TempDirectory();
        var recorder = new MarketDataRecorder(dir.Path);
        Assert.True(recorder.RecordFrame("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"KXNBAGAME-26DEC07BOSNYK-BOS\"}}"u8.ToArray(), T0));
        Assert.True(recorder.RecordOdds("basketball_nba", "[]"u8.ToArray(), T0.AddSeconds(1)));
        Assert.True(recorder.RecordMarker("catalog.markets.v1", "{}"u8.ToArray(), T0.AddSeconds(2)));
        Assert.True(recorder.RecordFrame("{\"type\":\"subscribed\",\"id\":1}"u8.ToArray(), T0.AddSeconds(3)));
        var counts = recorder.Close(TimeSpan.FromSeconds(10));

        Assert.Equal(new RecorderCounts(4, 4, 0, 0, null), counts);
        using var reader = RecordingReader.Open(dir.Path);
        var read = new List<(RecordKind, long, string?)>();
        while (reader.TryRead(out var m)) read.Add((m.Kind, m.ReceivedUtcTicks, m.KeyText));
        Assert.Equal(ReadStatus.Complete, reader.Status);
        Assert.Equal(
            [
                (RecordKind.MarketDataFrame, T0.UtcTicks, "KXNBAGAME-26DEC07BOSNYK-BOS"),
                (RecordKind.OddsSnapshot, T0.AddSeconds(1).UtcTicks, "basketball_nba"),
                (RecordKind.Marker, T0.AddSeconds(2).UtcTicks, "catalog.markets.v1"),
                (RecordKind.MarketDataFrame, T0.AddSeconds(3).UtcTicks, null),
            ], read);
    }

    [Fact]
    public void A_full_queue_drops_and_counts_instead_of_waiting_and_the_queued_records_are_still_written()
    {
        using var dir = new TempDirectory();
        var recorder = new MarketDataRecorder(dir.Path, new MarketDataRecorderOptions { QueueCapacity = 3 }, startWriter: false);
        var taken = Enumerable.Range(0, 5).Select(i => recorder.RecordFrame([(byte)'{', (byte)'}'], T0.AddMilliseconds(i))).ToArray();

        Assert.Equal([true, true, true, false, false], taken);
        Assert.Equal(2, recorder.Counts.DroppedQueueFull);
        recorder.StartWriter();
        var counts = recorder.Close(TimeSpan.FromSeconds(10));
        Assert.Equal(new RecorderCounts(5, 3, 2, 0, null), counts);
        Assert.Contains("dropped 2", counts.ToString());
        // after close nothing is taken: counted apart (the recording has ended), not thrown, not a drop
        Assert.False(recorder.RecordOdds("basketball_nba", [1], T0));
        Assert.Equal(1, recorder.Counts.AfterEnd);
        Assert.Equal(2, recorder.Counts.Dropped);

        using var reader = RecordingReader.Open(dir.Path);
        var n = 0;
        while (reader.TryRead(out _)) n++;
        Assert.Equal(3, n);
    }

    [Fact]
    public void After_the_intake_ends_frames_are_refused_and_counted_apart_and_the_queued_ones_are_written()
    {
        using var dir = new TempDirectory();
        var recorder = new MarketDataRecorder(dir.Path);
        Assert.True(recorder.RecordFrame([(byte)'{', (byte)'}'], T0));
        recorder.EndIntake();
        Assert.False(recorder.RecordFrame([(byte)'{', (byte)'}'], T0.AddMilliseconds(1)));
        Assert.False(recorder.RecordOdds("basketball_nba", [1], T0.AddMilliseconds(2)));
        var counts = recorder.Close(TimeSpan.FromSeconds(10));

        Assert.Equal(new RecorderCounts(3, 1, 0, 0, null, AfterEnd: 2), counts);
        Assert.Equal(0, counts.Dropped);
        Assert.Contains("2 offered after the recording ended", counts.ToString());
        using var reader = RecordingReader.Open(dir.Path);
        var n = 0;
        while (reader.TryRead(out _)) n++;
        Assert.Equal(1, n);
    }
}
