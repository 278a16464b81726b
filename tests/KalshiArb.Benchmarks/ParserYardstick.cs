using System.Text.Json;
using KalshiArb.Kalshi.Feed;

namespace KalshiArb.Benchmarks;

/// <summary>
/// The frame parser alone against the floor any JSON parser pays: a bare Utf8JsonReader pass reading every token of
/// the same frames. Both run on one thread in the same process, interleaved three times, best of each kept, so the
/// ratio holds even when the machine's speed drifts between runs.
/// </summary>
public static class ParserYardstick
{
    public static void Run(IReadOnlyList<byte[]> frames, int messages)
    {
        long sink = 0;
        // warm both paths so tiering has settled before anything is timed
        sink += BareReader(frames, Math.Min(messages, 200_000));
        sink += Parser(frames, Math.Min(messages, 200_000));
        double bestBare = 0, bestParser = 0;
        for (var round = 0; round < 3; round++)
        {
            bestBare = Math.Max(bestBare, Rate(() => sink += BareReader(frames, messages), messages));
            bestParser = Math.Max(bestParser, Rate(() => sink += Parser(frames, messages), messages));
        }
        Console.WriteLine($"frame parser alone: {bestParser:N0} frames/s; bare Utf8JsonReader pass over the same frames: {bestBare:N0} frames/s; " +
                          $"ratio {bestParser / bestBare:F2}x (target >= 0.50x) [checksum {sink % 997}]");
    }

    private static double Rate(Action run, int messages)
    {
        var watch = Stopwatch.StartNew();
        run();
        return messages / watch.Elapsed.TotalSeconds;
    }

    private static long BareReader(IReadOnlyList<byte[]> frames, int messages)
    {
        long tokens = 0;
        for (var n = 0; n < messages; n++)
        {
            var reader = new Utf8JsonReader(frames[n % frames.Count]);
            while (reader.Read()) tokens++;
        }
        return tokens;
    }

    private static long Parser(IReadOnlyList<byte[]> frames, int messages)
    {
        long events = 0;
        for (var n = 0; n < messages; n++)
            if (FeedFrameParser.Parse(frames[n % frames.Count]).Event is not null) events++;
        return events;
    }
}
