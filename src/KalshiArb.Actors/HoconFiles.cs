using System.Reflection;
using Akka.Configuration;

namespace KalshiArb.Actors;

/// <summary>The repository's hocon/*.conf files, embedded so every host and test loads the same text.</summary>
public static class HoconFiles
{
    public static Config Load(string fileName) => ConfigurationFactory.ParseString(Text(fileName));

    public static string Text(string fileName)
    {
        var asm = typeof(HoconFiles).Assembly;
        using var stream = asm.GetManifestResourceStream("hocon." + fileName)
                           ?? throw new FileNotFoundException($"hocon/{fileName} is not embedded in {asm.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
