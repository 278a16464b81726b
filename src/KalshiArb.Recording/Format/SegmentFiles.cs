using System.Globalization;

namespace KalshiArb.Recording.Format;

/// <summary>Segment file names ("seg-000001.karec") and the index file name; segments sort by number.</summary>
public static class SegmentFiles
{
    public const string Extension = ".karec";
    public const string IndexFileName = "index.json";
    public const string LockFileName = "writer.lock";

    public static string Name(uint number) => $"seg-{number.ToString("D6", CultureInfo.InvariantCulture)}{Extension}";

    public static bool TryParseNumber(string fileName, out uint number)
    {
        number = 0;
        return fileName.StartsWith("seg-", StringComparison.Ordinal) && fileName.EndsWith(Extension, StringComparison.Ordinal)
            && uint.TryParse(fileName.AsSpan(4, fileName.Length - 4 - Extension.Length), NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    /// <summary>The segment files of a recording directory, in order (other files are ignored).</summary>
    public static IReadOnlyList<(uint Number, string Path)> List(string directory)
    {
        if (!Directory.Exists(directory)) return [];
        var found = new List<(uint, string)>();
        foreach (var path in Directory.EnumerateFiles(directory, "seg-*" + Extension))
            if (TryParseNumber(Path.GetFileName(path), out var n)) found.Add((n, path));
        found.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return found;
    }
}
