using System.Text.Json;
using KalshiArb.Recording.Reading;

namespace KalshiArb.Recording.Index;

/// <summary>
/// Reads and writes index.json. Writes are atomic (a temp file, flushed to disk, renamed over the old one), so a
/// crash leaves the old index or the new one. The index is only a summary: when it is missing, unreadable or stale
/// (a segment missing from it, or of another size on disk) the entries concerned are rebuilt by scanning segments.
/// </summary>
public static class RecordingIndexFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathOf(string directory) => Path.Combine(directory, SegmentFiles.IndexFileName);

    public static RecordingIndex? TryLoad(string directory)
    {
        var path = PathOf(directory);
        if (!File.Exists(path)) return null;
        try
        {
            var index = JsonSerializer.Deserialize<RecordingIndex>(File.ReadAllBytes(path), Json);
            return index is { FormatVersion: RecordingIndex.CurrentVersion, Segments: not null } ? index : null;
        }
        catch (JsonException) { return null; }
        catch (IOException) { return null; }
    }

    public static void Write(string directory, RecordingIndex index)
    {
        var path = PathOf(directory);
        var temp = path + ".tmp";
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(JsonSerializer.SerializeToUtf8Bytes(index, Json));
            file.Write("\n"u8);
            file.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The index, with stale or missing entries rebuilt by a scan (and written back when anything changed).</summary>
    public static RecordingIndex LoadOrRebuild(string directory, out int segmentsScanned)
    {
        var existing = TryLoad(directory);
        var known = existing?.Segments.ToDictionary(s => s.File, StringComparer.Ordinal) ?? new Dictionary<string, SegmentSummary>(StringComparer.Ordinal);
        var segments = SegmentFiles.List(directory);
        var summaries = new List<SegmentSummary>(segments.Count);
        segmentsScanned = 0;
        for (var i = 0; i < segments.Count; i++)
        {
            var name = Path.GetFileName(segments[i].Path);
            var size = new FileInfo(segments[i].Path).Length;
            if (known.TryGetValue(name, out var entry) && entry.SizeBytes == size) summaries.Add(entry);
            else
            {
                summaries.Add(Scan(segments[i].Path, isLastSegment: i == segments.Count - 1));
                segmentsScanned++;
            }
        }
        var index = new RecordingIndex(RecordingIndex.CurrentVersion, summaries);
        if (segmentsScanned > 0 || existing is null || existing.Segments.Count != summaries.Count) Write(directory, index);
        return index;
    }

    /// <summary>Summarizes one segment by reading every block. A bad block ends the scan; its reason is kept in TornTail.</summary>
    public static SegmentSummary Scan(string path, bool isLastSegment)
    {
        var size = new FileInfo(path).Length;
        using var segment = SegmentFile.Open(path, out var openFault);
        if (segment is null)
            return new SegmentStats(Path.GetFileName(path), 0) { TornTail = new RecordingFault(openFault, Path.GetFileName(path), 0, isLastSegment).ToString() }.ToSummary(size);
        var stats = new SegmentStats(segment.Name, segment.Header.CreatedUtcTicks);
        byte[] compressed = new byte[64 * 1024], raw = new byte[128 * 1024];
        var keys = new KeyDecoder();
        var spans = new KeySpans();
        while (!segment.AtEnd)
        {
            var offset = segment.Offset;
            var reason = segment.LoadNextBlock(ref compressed, ref raw, out var block);
            if (reason != RecordingFaultReason.None)
            {
                stats.TornTail = new RecordingFault(reason, segment.Name, offset, isLastSegment && !segment.ValidBlockFollows(offset)).ToString();
                break;
            }
            int pos = 0;
            var ticks = block.MinReceivedTicks;
            spans.Clear();
            for (var r = 0; r < block.RecordCount; r++)
            {
                if (!RecordLayout.TryRead(raw, block.RawLength, ref pos, ref ticks, spans, out var message))
                {
                    stats.TornTail = new RecordingFault(RecordingFaultReason.BadRecord, segment.Name, offset, false).ToString();
                    break;
                }
                if (!message.Key.IsEmpty) stats.AddKey(message.Kind, keys.Decode(message.Key.Span));
            }
            if (stats.TornTail is not null) break;
            stats.AddBlock(block);
        }
        return stats.ToSummary(size);
    }

    /// <summary>Decodes keys without a new string for a key already seen (tickers repeat on every frame).</summary>
    private sealed class KeyDecoder
    {
        private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

        public string Decode(ReadOnlySpan<byte> bytes)
        {
            Span<char> chars = stackalloc char[RecordLayout.MaxKeyBytes];
            var n = Encoding.UTF8.GetChars(bytes, chars);
            if (_seen.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(chars[..n], out var known)) return known;
            var s = new string(chars[..n]);
            _seen.Add(s);
            return s;
        }
    }
}
