namespace KalshiArb.Node.Live;

/// <summary>Why live trading was not confirmed. None only when it was.</summary>
public enum LiveConfirmationRefusal
{
    None = 0,

    /// <summary>A confirmation flag was given but is not the exact phrase (a typo never confirms).</summary>
    WrongFlag,

    /// <summary>No flag and no terminal to ask at (service, pipe, CI).</summary>
    NotInteractive,

    /// <summary>Asked at the prompt; the answer was not LIVE.</summary>
    Declined,

    /// <summary>Asked at the prompt; input ended before an answer.</summary>
    NoAnswer,
}
