using KalshiArb.Recording.Index;
using KalshiArb.Recording.Reading;

namespace KalshiArb.Recording.Writing;

/// <summary>
/// Appends records to a recording directory. Records go into one in-memory block buffer (the only per-record cost is
/// a copy and, with a key, a set lookup); a full or old block is compressed and written with one write call, so a
/// kill -9 loses at most the block being filled. Opening a directory that holds an earlier recording first cuts a
/// torn tail off its last segment (see <see cref="Recovered"/>) and continues in a new segment. Not thread-safe:
/// one owner (the recorder actor) calls it.
/// </summary>
public sealed class RecordingWriter : IDisposable
{
    private readonly string _directory;
    private readonly RecordingWriterOptions _options;
    private readonly BlockCompression _compression;
    private readonly long _blockAgeTicks;
    private readonly long _segmentAgeTicks;
    private readonly List<SegmentSummary> _closedSegments;
    private readonly BlockKeys _blockKeys = new();
    private readonly FileStream _lock;
    private uint _nextSegmentNumber;

    private FileStream? _file;
    private SegmentStats? _segmentStats;
    private long _segmentFirstTicks;
    private long _segmentBytes;

    private byte[] _block;
    private byte[] _output;
    private int _blockLength;
    private int _blockRecords;
    private long _blockFirstTicks;
    private long _blockMinTicks;
    private long _blockMaxTicks;
    private long _previousTicks;
    private bool _disposed;

    public RecordingWriter(string directory, RecordingWriterOptions? options = null)
    {
        _options = options ?? new RecordingWriterOptions();
        _options.Validate();
        _directory = directory;
        System.IO.Directory.CreateDirectory(directory);
        _lock = TakeLock(directory);
        _compression = new BlockCompression(_options.Codec, _options.BrotliQuality);
        _blockAgeTicks = _options.BlockAge.Ticks;
        _segmentAgeTicks = _options.SegmentAge > TimeSpan.Zero ? _options.SegmentAge.Ticks : long.MaxValue;
        _block = new byte[_options.BlockBytes + 4096];
        _output = new byte[BlockHeader.Size + BlockCompression.MaxCompressedLength(_block.Length)];

        Recovered = RecoverLastSegment();
        var index = RecordingIndexFile.LoadOrRebuild(directory, out _);
        _closedSegments = index.Segments.ToList();
        var existing = SegmentFiles.List(directory);
        _nextSegmentNumber = existing.Count == 0 ? 1 : existing[^1].Number + 1;
    }

    /// <summary>The torn tail cut off an earlier recording's last segment when this writer opened, if any.</summary>
    public RecordingFault? Recovered { get; }

    public string Directory => _directory;
    public long RecordsWritten { get; private set; }
    public long BlocksWritten { get; private set; }
    public long RawBytesWritten { get; private set; }
    public long BytesOnDisk { get; private set; }
    public int SegmentsWritten { get; private set; }

    /// <summary>
    /// Appends one record. <paramref name="receivedUtcTicks"/> is the caller's receive stamp (UTC ticks); the payload is
    /// copied, so the caller may reuse its buffer at once. <paramref name="key"/> (a market ticker, a sport key) only
    /// feeds the index; pass the same string instance for the same key to keep this cheap.
    /// </summary>
    public void Append(RecordKind kind, long receivedUtcTicks, uint sourceId, ReadOnlySpan<byte> payload, string? key = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!RecordKinds.IsKnown((byte)kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown record kind");
        if (_blockRecords > 0 && receivedUtcTicks - _blockFirstTicks >= _blockAgeTicks) SealBlock();
        if (_file is not null && receivedUtcTicks - _segmentFirstTicks >= _segmentAgeTicks)
        {
            if (_blockRecords > 0) SealBlock();
            CloseSegment();
        }

        var maxLength = RecordLayout.MaxEncodedLength(key?.Length ?? 0, payload.Length);
        if (_blockLength + maxLength > _block.Length)
        {
            if (_blockRecords > 0) SealBlock();
            if (maxLength > _block.Length) GrowBuffers(maxLength);
        }
        if (_file is null) OpenSegment(receivedUtcTicks);
        if (_blockRecords == 0)
        {
            _blockFirstTicks = _blockMinTicks = _blockMaxTicks = _previousTicks = receivedUtcTicks;
        }
        _blockLength += RecordLayout.Write(_block.AsSpan(_blockLength), kind, receivedUtcTicks - _previousTicks, sourceId, key, _blockKeys, payload);
        _previousTicks = receivedUtcTicks;
        if (receivedUtcTicks < _blockMinTicks) _blockMinTicks = receivedUtcTicks;
        if (receivedUtcTicks > _blockMaxTicks) _blockMaxTicks = receivedUtcTicks;
        _blockRecords++;
        RecordsWritten++;
        if (!string.IsNullOrEmpty(key)) _segmentStats!.AddKey(kind, key);
        if (_blockLength >= _options.BlockBytes) SealBlock();
    }

    /// <summary>Seals the block being filled when its first record is at least BlockAge older than now (call it from a timer when the feed is quiet).</summary>
    public void FlushIfDue(long nowUtcTicks)
    {
        if (_blockRecords > 0 && nowUtcTicks - _blockFirstTicks >= _blockAgeTicks) SealBlock();
    }

    /// <summary>Seals the block being filled now.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_blockRecords > 0) SealBlock();
    }

    private void SealBlock()
    {
        // The first record's delta is stored against the block's minimum time, so rewrite it if an earlier record came later.
        if (_blockMinTicks != _blockFirstTicks) RebaseFirstRecord();
        var compressedLength = _compression.Compress(_block.AsSpan(0, _blockLength), _output.AsSpan(BlockHeader.Size));
        var payload = _output.AsSpan(BlockHeader.Size, compressedLength);
        var header = new BlockHeader(_blockLength, compressedLength, _blockRecords, _blockMinTicks, _blockMaxTicks, Crc32.Compute(payload));
        header.WriteTo(_output);

        var file = _file!;
        file.Write(_output, 0, BlockHeader.Size + compressedLength);
        if (_options.FsyncEveryBlock) file.Flush(flushToDisk: true);
        _segmentBytes += BlockHeader.Size + compressedLength;
        _segmentStats!.AddBlock(header);

        BlocksWritten++;
        RawBytesWritten += _blockLength;
        BytesOnDisk += BlockHeader.Size + compressedLength;
        _blockLength = 0;
        _blockRecords = 0;
        _blockKeys.Clear();

        if (_segmentBytes >= _options.SegmentBytes || _blockMaxTicks - _segmentFirstTicks >= _segmentAgeTicks) CloseSegment();
    }

    private void RebaseFirstRecord()
    {
        // Records are [kind][zigzag delta]...: re-encode the first record's delta (0 against its own time) relative to the minimum.
        var pos = 1;
        Varint.TryRead(_block, ref pos, out var oldDelta);
        var oldLength = pos - 1;
        Span<byte> encoded = stackalloc byte[Varint.MaxBytes];
        var newLength = Varint.Write(encoded, Varint.ZigZag(_blockFirstTicks - _blockMinTicks + Varint.UnZigZag(oldDelta)));
        if (newLength != oldLength)
        {
            if (_blockLength + newLength - oldLength > _block.Length) GrowBuffers(_blockLength + newLength);
            Buffer.BlockCopy(_block, 1 + oldLength, _block, 1 + newLength, _blockLength - 1 - oldLength);
            _blockLength += newLength - oldLength;
        }
        encoded[..newLength].CopyTo(_block.AsSpan(1));
    }

    private void OpenSegment(long firstTicks)
    {
        var number = _nextSegmentNumber++;
        var created = _options.Time.GetUtcNow().UtcTicks;
        var file = new FileStream(Path.Combine(_directory, SegmentFiles.Name(number)), FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
        Span<byte> header = stackalloc byte[SegmentHeader.Size];
        new SegmentHeader(SegmentHeader.CurrentVersion, _options.Codec, number, created).WriteTo(header);
        file.Write(header);
        BytesOnDisk += SegmentHeader.Size;
        SegmentsWritten++;
        _file = file;
        _segmentBytes = SegmentHeader.Size;
        _segmentStats = new SegmentStats(SegmentFiles.Name(number), created);
        _segmentFirstTicks = firstTicks;
    }

    private void CloseSegment()
    {
        if (_file is null) return;
        _file.Flush(flushToDisk: true);
        var size = _segmentBytes;
        _file.Dispose();
        _file = null;
        _closedSegments.Add(_segmentStats!.ToSummary(size));
        _segmentStats = null;
        RecordingIndexFile.Write(_directory, new RecordingIndex(RecordingIndex.CurrentVersion, _closedSegments));
    }

    private void GrowBuffers(int recordLength)
    {
        var size = (int)Math.Min(BlockHeader.MaxLength, (long)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(recordLength + 4096)));
        if (recordLength > size) throw new ArgumentException($"a record of {recordLength} bytes is over the {BlockHeader.MaxLength}-byte block limit");
        Array.Resize(ref _block, size);
        _output = new byte[BlockHeader.Size + BlockCompression.MaxCompressedLength(size)];
    }

    /// <summary>Cuts a torn tail off the last segment an earlier writer left (a kill -9 mid-block), so reading never stops there.</summary>
    private RecordingFault? RecoverLastSegment()
    {
        var segments = SegmentFiles.List(_directory);
        if (segments.Count == 0) return null;
        var path = segments[^1].Path;
        long cutAt;
        RecordingFault fault;
        using (var segment = SegmentFile.Open(path, out var openFault))
        {
            if (segment is null)
            {
                if (openFault != RecordingFaultReason.TruncatedSegmentHeader) return null; // corrupt, not torn: leave it for the reader to report
                File.Delete(path);
                return new RecordingFault(openFault, Path.GetFileName(path), 0, true);
            }
            byte[] compressed = new byte[64 * 1024], raw = new byte[128 * 1024];
            while (true)
            {
                if (segment.AtEnd) return null;
                var offset = segment.Offset;
                var reason = segment.LoadNextBlock(ref compressed, ref raw, out _);
                if (reason == RecordingFaultReason.None) continue;
                if (segment.ValidBlockFollows(offset)) return null; // corruption in the middle: not ours to cut
                cutAt = offset;
                fault = new RecordingFault(reason, segment.Name, offset, true);
                break;
            }
        }
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read))
        {
            file.SetLength(cutAt);
            file.Flush(flushToDisk: true);
        }
        return fault;
    }

    /// <summary>One writer per directory: a second one (this process or another) would interleave segments.</summary>
    private static FileStream TakeLock(string directory)
    {
        try
        {
            return new FileStream(Path.Combine(directory, SegmentFiles.LockFileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new IOException($"recording directory {directory} is already being written by another writer", ex);
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        try
        {
            if (_blockRecords > 0) SealBlock();
            CloseSegment();
        }
        finally
        {
            _disposed = true;
            _file?.Dispose();
            _lock.Dispose();
        }
    }
}
