namespace KalshiArb.Node.Admin;

public sealed record AdminEndpointOptions
{
    public const string PortVariable = "KA_ADMIN_PORT";

    /// <summary>Where admin.json is written.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>Loopback port; 0 picks a free one (the chosen port goes to admin.json).</summary>
    public int Port { get; init; }

    /// <summary>How long an actor may take to answer before the request gets 503.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>KA_ADMIN_PORT, or 0. A malformed value is an error, not a silent default.</summary>
    public static int PortFromEnvironment(Func<string, string?>? env = null)
    {
        var text = (env ?? Environment.GetEnvironmentVariable)(PortVariable);
        if (string.IsNullOrWhiteSpace(text)) return 0;
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : throw new ArgumentException($"{PortVariable} must be a port number 0..65535, got '{text}'");
    }
}
