using System.Globalization;

namespace KalshiArb.Actors.Risk;

/// <summary>One wording of an outage for the gate's refusals, the status line and the admin status.</summary>
public static class RiskGateOutageText
{
    /// <summary>"journal write failed at 23:11:49 (disk full); retrying in 2 s" as seen at <paramref name="now"/>.</summary>
    public static string Describe(RiskGateOutage outage, DateTimeOffset now) => outage.Reason + "; " + outage.RetryAt switch
    {
        null => "restarted, waiting for the journal to take a write",
        { } at when at > now => $"retrying in {Seconds(at - now)} s",
        _ => "restarting now",
    };

    /// <summary>Tenths below ten seconds ("0.4", "2"), whole seconds above.</summary>
    public static string Seconds(TimeSpan t) => t.TotalSeconds < 10
        ? (Math.Ceiling(t.TotalSeconds * 10) / 10).ToString("0.#", CultureInfo.InvariantCulture)
        : Math.Ceiling(t.TotalSeconds).ToString("0", CultureInfo.InvariantCulture);
}
