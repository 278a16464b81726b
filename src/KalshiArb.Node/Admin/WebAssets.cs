using System.Collections.Concurrent;

namespace KalshiArb.Node.Admin;

/// <summary>The files of src/KalshiArb.Node/Web, embedded in the assembly: the page works with no network and no files beside the binary.</summary>
public static class WebAssets
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <summary>The text of Web/<paramref name="fileName"/>; a missing asset is a build defect, so it throws.</summary>
    public static string Text(string fileName) => Cache.GetOrAdd(fileName, static name =>
    {
        using var stream = typeof(WebAssets).Assembly.GetManifestResourceStream("KalshiArb.Node.Web." + name)
                           ?? throw new InvalidOperationException($"web asset {name} is not embedded in the node assembly");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
