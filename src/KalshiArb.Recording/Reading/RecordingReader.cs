namespace KalshiArb.Recording.Reading;

/// <summary>
/// Reads a recording's records in the order they were written, across segments. Each block's CRC is checked before
/// it is decompressed into one reused buffer; records are handed out as views over it (valid until the next
/// TryRead/SeekTo). A torn tail ends the read with <see cref="ReadStatus.TornTail"/>; corruption before the end stops
/// it with <see cref="ReadStatus.Corrupt"/> and a <see cref="Fault"/> naming segment, offset and reason. Never throws
/// on bad data. Single-threaded.
/// </summary>
public sealed class RecordingReader : IDisposable
{
    private readonly IReadOnlyList<(uint Number, string Path)> _segments;
    private int _segmentIndex = -1;
    private SegmentFile? _segment;
    private byte[] _compressed = new byte[64 * 1024];
    private byte[] _raw = new byte[128 * 1024];
    private int _rawLength;
    private int _pos;
    private int _recordsLeftInBlock;
    private long _ticks;
    private long _skipBeforeTicks = long.MinValue;
    private long _blockOffset;
    private readonly KeySpans _keys = new();

    private RecordingReader(string directory, IReadOnlyList<(uint, string)> segments)
    {
        Directory = directory;
        _segments = segments;
        if (segments.Count == 0) Status = ReadStatus.Complete;
    }

    public string Directory { get; }
    public ReadStatus Status { get; private set; }
    public RecordingFault? Fault { get; private set; }
    public long RecordsRead { get; private set; }
    public long BlocksRead { get; private set; }
    public long CompressedBytesRead { get; private set; }
    public long RawBytesRead { get; private set; }
    public int SegmentCount => _segments.Count;

    public static RecordingReader Open(string directory) => new(directory, SegmentFiles.List(directory));

    /// <summary>The next record, or false at the end (see <see cref="Status"/> and <see cref="Fault"/> for why).</summary>
    public bool TryRead(out RecordedMessage message)
    {
        while (true)
        {
            if (_recordsLeftInBlock > 0)
            {
                if (!RecordLayout.TryRead(_raw, _rawLength, ref _pos, ref _ticks, _keys, out message))
                    return Stop(RecordingFaultReason.BadRecord, _blockOffset, tornTail: false);
                _recordsLeftInBlock--;
                if (message.ReceivedUtcTicks < _skipBeforeTicks) continue;
                RecordsRead++;
                return true;
            }
            message = default;
            if (_pos != _rawLength)
                return Stop(RecordingFaultReason.BadRecord, _blockOffset, tornTail: false);
            if (Status != ReadStatus.Reading || !NextBlock()) return false;
        }
    }

    /// <summary>
    /// Restarts reading at the first record received at or after the given time: blocks whose latest record is earlier
    /// are skipped by their headers alone (no payload read or decompression), and so are earlier records in later blocks.
    /// </summary>
    public void SeekTo(long fromUtcTicks)
    {
        _segment?.Dispose();
        _segment = null;
        _segmentIndex = -1;
        _recordsLeftInBlock = 0;
        _pos = _rawLength = 0;
        Status = _segments.Count == 0 ? ReadStatus.Complete : ReadStatus.Reading;
        Fault = null;
        _skipBeforeTicks = fromUtcTicks;
    }

    private bool NextBlock()
    {
        while (true)
        {
            if (_segment is null || _segment.AtEnd)
            {
                if (!OpenNextSegment()) return false;
                continue;
            }
            var offset = _segment.Offset;
            if (_segment.ReadBlockHeader(out var reason) is not { } header)
                return Stop(reason, offset, IsTail(offset));
            if (header.MaxReceivedTicks < _skipBeforeTicks && _segment.Skip(header)) continue;
            reason = _segment.LoadBlock(header, ref _compressed, ref _raw);
            if (reason != RecordingFaultReason.None)
                return Stop(reason, offset, IsTail(offset));
            _blockOffset = offset;
            _rawLength = header.RawLength;
            _pos = 0;
            _recordsLeftInBlock = header.RecordCount;
            _ticks = header.MinReceivedTicks;
            _keys.Clear();
            BlocksRead++;
            CompressedBytesRead += BlockHeader.Size + header.CompressedLength;
            RawBytesRead += header.RawLength;
            return true;
        }
    }

    private bool OpenNextSegment()
    {
        _segment?.Dispose();
        _segment = null;
        if (++_segmentIndex >= _segments.Count)
        {
            Status = ReadStatus.Complete;
            return false;
        }
        var path = _segments[_segmentIndex].Path;
        _segment = SegmentFile.Open(path, out var reason);
        if (_segment is null)
        {
            // A segment cut inside its own header can only be the one being created when the writer died.
            var torn = IsLastSegment && reason == RecordingFaultReason.TruncatedSegmentHeader;
            Fault = new RecordingFault(reason, Path.GetFileName(path), 0, torn);
            Status = torn ? ReadStatus.TornTail : ReadStatus.Corrupt;
            return false;
        }
        return true;
    }

    private bool IsLastSegment => _segmentIndex == _segments.Count - 1;

    private bool IsTail(long offset) => IsLastSegment && !_segment!.ValidBlockFollows(offset);

    private bool Stop(RecordingFaultReason reason, long offset, bool tornTail)
    {
        Fault = new RecordingFault(reason, _segment?.Name ?? "?", offset, tornTail);
        Status = tornTail ? ReadStatus.TornTail : ReadStatus.Corrupt;
        _recordsLeftInBlock = 0;
        _pos = _rawLength = 0;
        return false;
    }

    public void Dispose()
    {
        _segment?.Dispose();
        _segment = null;
    }
}
