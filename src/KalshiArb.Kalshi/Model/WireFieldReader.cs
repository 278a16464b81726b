using System.Globalization;
using KalshiArb.Domain.Fees;

namespace KalshiArb.Kalshi.Model;

/// <summary>
/// Converts DTO strings into fixed-point values through the domain TryParse methods, remembering the
/// first failure so a whole object is converted in one pass and refused with a reason — never a crash.
/// </summary>
internal sealed class WireFieldReader
{
    public ConversionFailure? Failure { get; private set; }

    public bool Ok => Failure is null;

    private void Fail(string field, string? text, WireParseError reason) => Failure ??= new ConversionFailure(field, text, reason.ToString());

    public void Fail(string field, string? text, string reason) => Failure ??= new ConversionFailure(field, text, reason);

    public OutcomeSide? OptionalOutcome(string? text, string field)
    {
        switch (text)
        {
            case null or "": return null;
            case "yes": return OutcomeSide.Yes;
            case "no": return OutcomeSide.No;
            default:
                Fail(field, text, "UnknownValue");
                return null;
        }
    }

    public OrderSide? OptionalOrderSide(string? text, string field)
    {
        switch (text)
        {
            case null or "": return null;
            case "bid": return OrderSide.Bid;
            case "ask": return OrderSide.Ask;
            default:
                Fail(field, text, "UnknownValue");
                return null;
        }
    }

    public FeeSchedule Fees(string? feeType, string? multiplier)
    {
        var err = FeeSchedule.TryParse(feeType, string.IsNullOrEmpty(multiplier) ? "1" : multiplier, out var fees);
        if (err == FeeScheduleError.UnknownFeeType) Fail("fee_type", feeType, err.ToString());
        else if (err != FeeScheduleError.None) Fail("fee_multiplier", multiplier, err.ToString());
        return fees;
    }

    public string Required(string? text, string field)
    {
        if (string.IsNullOrEmpty(text)) Fail(field, text, WireParseError.Empty);
        return text ?? "";
    }

    public Price Price(string? text, string field)
    {
        var err = Domain.Primitives.Price.TryParse(text, out var p);
        if (err != WireParseError.None) Fail(field, text, err);
        return p;
    }

    public Price? OptionalPrice(string? text, string field) => string.IsNullOrEmpty(text) ? null : Price(text, field);

    public Quantity Count(string? text, string field)
    {
        var err = Quantity.TryParse(text, out var q);
        if (err != WireParseError.None) Fail(field, text, err);
        return q;
    }

    public Quantity? OptionalCount(string? text, string field) => string.IsNullOrEmpty(text) ? null : Count(text, field);

    public Quantity SignedCount(string? text, string field)
    {
        var err = Quantity.TryParseSigned(text, out var q);
        if (err != WireParseError.None) Fail(field, text, err);
        return q;
    }

    public Money Money(string? text, string field)
    {
        var err = Domain.Primitives.Money.TryParse(text, out var m);
        if (err != WireParseError.None) Fail(field, text, err);
        return m;
    }

    public Money? OptionalMoney(string? text, string field) => string.IsNullOrEmpty(text) ? null : Money(text, field);

    public long? OptionalLong(string? text, string field)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)) return v;
        Fail(field, text, WireParseError.NotANumber);
        return null;
    }

    public DateTimeOffset? OptionalTime(string? text, string field)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)) return t;
        Fail(field, text, WireParseError.NotANumber);
        return null;
    }

}
