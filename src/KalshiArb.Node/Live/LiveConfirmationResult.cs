namespace KalshiArb.Node.Live;

/// <summary>How live trading was confirmed (by flag or at the prompt), or why it was refused.</summary>
public sealed record LiveConfirmationResult(bool Confirmed, LiveConfirmationRefusal Refusal, LiveConfirmationMethod Method)
{
    public static LiveConfirmationResult By(LiveConfirmationMethod method) => new(true, LiveConfirmationRefusal.None, method);

    public static LiveConfirmationResult Refused(LiveConfirmationRefusal refusal, LiveConfirmationMethod method) => new(false, refusal, method);

    public override string ToString() => Confirmed ? $"confirmed ({Method})" : $"refused ({Refusal})";
}

/// <summary>Where the answer came from.</summary>
public enum LiveConfirmationMethod
{
    None = 0,
    Flag,
    Prompt,
}
