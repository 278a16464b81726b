namespace KalshiArb.Recording.Index;

/// <summary>A recording's index (index.json): its segments in order, with time ranges and the markets they hold.</summary>
public sealed record RecordingIndex(int FormatVersion, IReadOnlyList<SegmentSummary> Segments)
{
    public const int CurrentVersion = 1;

    public long Records => Segments.Sum(s => s.Records);

    public long? FirstReceivedUtcTicks => Segments.Where(s => s.Records > 0).Select(s => (long?)s.FirstReceivedUtcTicks).Min();

    public long? LastReceivedUtcTicks => Segments.Where(s => s.Records > 0).Select(s => (long?)s.LastReceivedUtcTicks).Max();

    public IReadOnlyList<string> Markets => Segments.SelectMany(s => s.Markets).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
}
