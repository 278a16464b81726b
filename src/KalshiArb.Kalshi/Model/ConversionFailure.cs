using KalshiArb.Kalshi.Errors;

namespace KalshiArb.Kalshi.Model;

/// <summary>Which wire field was refused, its text and why (a WireParseError / FeeScheduleError name, or UnknownValue).</summary>
public sealed record ConversionFailure(string Field, string? Text, string Reason)
{
    public KalshiError ToError(string what) =>
        new(KalshiErrorKind.MalformedResponse, 0, "malformed_response", $"{what}: field '{Field}' rejected ({Reason})", Text);

    public override string ToString() => $"{Field}='{Text}': {Reason}";
}
