namespace KalshiArb.Recording.Reading;

public enum ReadStatus
{
    /// <summary>More records may follow.</summary>
    Reading,

    /// <summary>Every block of every segment was read.</summary>
    Complete,

    /// <summary>Ended at a torn tail (see <see cref="RecordingReader.Fault"/>): every complete block before it was read.</summary>
    TornTail,

    /// <summary>Stopped at corruption before the end (see <see cref="RecordingReader.Fault"/>).</summary>
    Corrupt,
}
