namespace KalshiArb.Domain.Tests.Odds;

public class DevigPropertyTests
{
    private static readonly DevigMethod[] Methods =
        [DevigMethod.Shin, DevigMethod.Multiplicative, DevigMethod.Additive, DevigMethod.Power, DevigMethod.OddsRatio];

    /// <summary>A fair probability vector (2–5 outcomes, none below ~0.1%).</summary>
    private static Gen<double[]> FairGen() =>
        from n in Gen.Choose(2, 5)
        from weights in Gen.ArrayOf(Gen.Choose(1, 1000), n)
        select weights.Select(w => w / (double)weights.Sum()).ToArray();

    /// <summary>A book: fair probabilities pushed up by a margin of 0–15% (π = p^(1/(1+m)) keeps π &lt; 1).</summary>
    private static Arbitrary<(double[] Fair, double[] Implied)> BookArb() =>
        (from fair in FairGen()
         from marginThousandths in Gen.Choose(0, 150)
         let k = 1.0 / (1.0 + marginThousandths / 1000.0)
         select (fair, fair.Select(p => Math.Pow(p, k)).ToArray())).ToArbitrary();

    private static bool Holds(double[] implied, DevigMethod method)
    {
        var err = Devig.TryDevig(implied, method, out var r);
        if (err == OddsRejection.AdditiveNonPositive && method == DevigMethod.Additive) return true; // a documented refusal
        if (err != OddsRejection.None) return false;
        var p = r.Probabilities;
        if (Math.Abs(p.Sum() - 1) > 1e-9) return false;
        if (p.Any(x => x <= 0 || x >= 1)) return false;
        for (var i = 0; i < p.Count; i++)
            for (var j = 0; j < p.Count; j++)
                if (implied[i] < implied[j] && p[i] > p[j] + 1e-12) return false;
        return true;
    }

    [Property(MaxTest = 300)]
    public Property Every_method_sums_to_one_stays_inside_unit_interval_and_keeps_order() =>
        Prop.ForAll(BookArb(), book => Methods.All(m => Holds(book.Implied, m)));

    [Property(MaxTest = 200)]
    public Property No_vig_in_means_same_probabilities_out() =>
        Prop.ForAll(FairGen().ToArbitrary(), fair => Methods.All(m =>
        {
            var err = Devig.TryDevig(fair, m, out var r);
            return err == OddsRejection.None && fair.Zip(r.Probabilities).All(t => Math.Abs(t.First - t.Second) < 1e-9);
        }));

    [Property(MaxTest = 200)]
    public Property Fair_probabilities_never_exceed_implied_for_the_favourite() =>
        // Removing vig lowers the favourite's probability under every method.
        Prop.ForAll(BookArb(), book => Methods.All(m =>
        {
            if (Devig.TryDevig(book.Implied, m, out var r) != OddsRejection.None) return m == DevigMethod.Additive;
            var fav = Array.IndexOf(book.Implied, book.Implied.Max());
            return r.Probabilities[fav] <= book.Implied[fav] + 1e-12;
        }));
}
