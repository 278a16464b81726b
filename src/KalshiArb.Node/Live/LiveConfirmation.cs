namespace KalshiArb.Node.Live;

/// <summary>
/// The explicit "yes, real money" gate of a live run: the exact flag phrase, or, only with a person at a
/// terminal, typing LIVE at a prompt that names the account and host about to be traded.
/// </summary>
public static class LiveConfirmation
{
    public const string FlagPhrase = "I-UNDERSTAND-THIS-TRADES-REAL-MONEY";
    public const string TypedWord = "LIVE";

    /// <param name="confirmFlag">The value of the confirmation flag, null when absent.</param>
    /// <param name="stdin">Where the typed answer is read (one line).</param>
    /// <param name="stdinIsInteractive">False for pipes, services and CI: they are never prompted.</param>
    /// <param name="prompt">Where the question is written.</param>
    /// <param name="tradingTarget">Which account and REST host will be traded, shown in the prompt (e.g. <see cref="LiveCredentials.TradingTarget"/>).</param>
    public static LiveConfirmationResult Check(string? confirmFlag, TextReader stdin, bool stdinIsInteractive, TextWriter prompt, string tradingTarget)
    {
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(prompt);
        if (confirmFlag is not null)
        {
            // Exact and case-sensitive: the phrase exists to be typed deliberately.
            return string.Equals(confirmFlag, FlagPhrase, StringComparison.Ordinal)
                ? LiveConfirmationResult.By(LiveConfirmationMethod.Flag)
                : LiveConfirmationResult.Refused(LiveConfirmationRefusal.WrongFlag, LiveConfirmationMethod.Flag);
        }
        if (!stdinIsInteractive)
            return LiveConfirmationResult.Refused(LiveConfirmationRefusal.NotInteractive, LiveConfirmationMethod.None);

        prompt.WriteLine("LIVE TRADING: orders will be placed with REAL MONEY.");
        prompt.WriteLine($"  target: {tradingTarget}");
        prompt.Write($"Type {TypedWord} to continue, anything else aborts: ");
        prompt.Flush();
        var answer = stdin.ReadLine();
        if (answer is null) return LiveConfirmationResult.Refused(LiveConfirmationRefusal.NoAnswer, LiveConfirmationMethod.Prompt);
        return string.Equals(answer.Trim(), TypedWord, StringComparison.Ordinal)
            ? LiveConfirmationResult.By(LiveConfirmationMethod.Prompt)
            : LiveConfirmationResult.Refused(LiveConfirmationRefusal.Declined, LiveConfirmationMethod.Prompt);
    }
}
