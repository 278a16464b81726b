namespace KalshiArb.Domain.Odds;

/// <summary>Sportsbook price → implied probability (still carrying the book's vig).</summary>
public static class ImpliedProbability
{
    public static OddsRejection TryFromAmerican(double american, out double probability)
    {
        probability = 0;
        if (!double.IsFinite(american)) return OddsRejection.NotFinite;
        if (american > -100 && american < 100) return OddsRejection.AmericanInsideMinus100To100;
        probability = american < 0 ? -american / (-american + 100.0) : 100.0 / (american + 100.0);
        return OddsRejection.None;
    }

    public static OddsRejection TryFromDecimal(double decimalOdds, out double probability)
    {
        probability = 0;
        if (!double.IsFinite(decimalOdds)) return OddsRejection.NotFinite;
        if (decimalOdds <= 1.0) return OddsRejection.DecimalNotAboveOne;
        probability = 1.0 / decimalOdds;
        return OddsRejection.None;
    }

    public static OddsRejection TryFrom(double odds, OddsFormat format, out double probability) => format switch
    {
        OddsFormat.American => TryFromAmerican(odds, out probability),
        OddsFormat.Decimal => TryFromDecimal(odds, out probability),
        _ => Unknown(out probability),
    };

    /// <summary>Converts every price; the first refusal wins and no probabilities are returned.</summary>
    public static OddsRejection TryFromAll(IReadOnlyList<double> odds, OddsFormat format, out double[] probabilities)
    {
        probabilities = new double[odds.Count];
        for (var i = 0; i < odds.Count; i++)
        {
            var err = TryFrom(odds[i], format, out probabilities[i]);
            if (err != OddsRejection.None)
            {
                probabilities = [];
                return err;
            }
        }
        return OddsRejection.None;
    }

    private static OddsRejection Unknown(out double probability)
    {
        probability = 0;
        return OddsRejection.UnknownFormat;
    }
}
