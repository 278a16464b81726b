namespace KalshiArb.Node.Admin;

/// <summary>How a CLI call to the admin endpoint ended; each maps to its own exit code.</summary>
public enum AdminCallOutcome
{
    Ok = 0,
    Failed = 1,
    /// <summary>No admin.json, or nothing listens on its port.</summary>
    NoNode = 2,
    /// <summary>The node rejected the token (401): admin.json belongs to another run.</summary>
    Unauthorized = 3,
    /// <summary>The node is up but an actor did not answer in time (503), or the call timed out.</summary>
    Unavailable = 4,
    /// <summary>The node refused the request as malformed (400).</summary>
    BadRequest = 5,
}
