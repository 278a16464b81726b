namespace KalshiArb.Node.Soak;

/// <summary>
/// How to start another `kalshiarb` from this one: the apphost itself, or `dotnet kalshiarb.dll` when this process was
/// started that way (tests, `dotnet run`).
/// </summary>
public sealed record SoakLauncher(string FileName, IReadOnlyList<string> LeadingArguments)
{
    public static SoakLauncher Current()
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot tell which executable runs this process");
        var isDotnet = string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase);
        return isDotnet ? ForAssembly(host, typeof(SoakLauncher).Assembly.Location) : new SoakLauncher(host, []);
    }

    /// <summary>`dotnet path/to/kalshiarb.dll …`.</summary>
    public static SoakLauncher ForAssembly(string dotnet, string assemblyPath) => new(dotnet, [assemblyPath]);
}
