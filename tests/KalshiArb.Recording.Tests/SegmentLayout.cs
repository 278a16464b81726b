namespace KalshiArb.Recording.Tests;

/// <summary>Where each block of a segment starts and how many records it holds (read with the reader's own walker).</summary>
public static class SegmentLayout
{
    public static List<(long Offset, int Records)> Blocks(string path)
    {
        using var segment = SegmentFile.Open(path, out var reason) ?? throw new InvalidOperationException(reason.ToString());
        var blocks = new List<(long, int)>();
        while (!segment.AtEnd)
        {
            var header = segment.ReadBlockHeader(out reason) ?? throw new InvalidOperationException(reason.ToString());
            blocks.Add((segment.Offset, header.RecordCount));
            Assert.True(segment.Skip(header));
        }
        return blocks;
    }

    /// <summary>Copies a recording directory's segment files (not the index) to a new directory, for damaging.</summary>
    public static void CopySegments(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var (_, path) in SegmentFiles.List(from)) File.Copy(path, Path.Combine(to, Path.GetFileName(path)));
    }
}
