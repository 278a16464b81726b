namespace KalshiArb.Recording.Tests;

/// <summary>A record as tests compare them (copied out of the reader's buffer).</summary>
public sealed record Sample(RecordKind Kind, long Ticks, uint Source, string? Key, byte[] Payload)
{
    public bool Equals(Sample? other) =>
        other is not null && Kind == other.Kind && Ticks == other.Ticks && Source == other.Source && Key == other.Key && Payload.AsSpan().SequenceEqual(other.Payload);

    public override int GetHashCode() => HashCode.Combine(Kind, Ticks, Source, Key, Payload.Length);

    public static readonly long Start = new DateTime(2026, 12, 7, 18, 0, 0, DateTimeKind.Utc).Ticks;

    public static void WriteAll(RecordingWriter writer, IEnumerable<Sample> samples)
    {
        foreach (var s in samples) writer.Append(s.Kind, s.Ticks, s.Source, s.Payload, s.Key);
    }

    public static List<Sample> ReadAll(string directory, out RecordingReader reader)
    {
        reader = RecordingReader.Open(directory);
        var list = new List<Sample>();
        while (reader.TryRead(out var m))
            list.Add(new Sample(m.Kind, m.ReceivedUtcTicks, m.SourceId, m.KeyText, m.Payload.ToArray()));
        reader.Dispose();
        return list;
    }

    /// <summary>Frames of 100–300 bytes, one market key each, 10 ms apart.</summary>
    public static List<Sample> Frames(int count, int seed = 7)
    {
        var random = new Random(seed);
        var list = new List<Sample>(count);
        for (var i = 0; i < count; i++)
        {
            var payload = new byte[100 + random.Next(200)];
            random.NextBytes(payload.AsSpan(0, payload.Length / 4)); // part noise, part text, like JSON with ids
            "{\"type\":\"orderbook_delta\"}"u8.CopyTo(payload.AsSpan(payload.Length / 2));
            list.Add(new Sample(RecordKind.MarketDataFrame, Start + i * TimeSpan.TicksPerMillisecond * 10, 1, $"KXNBAGAME-26DEC07M{i % 20:D2}", payload));
        }
        return list;
    }
}
