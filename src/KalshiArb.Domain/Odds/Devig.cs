namespace KalshiArb.Domain.Odds;

/// <summary>
/// Removes a single book's overround from its implied probabilities. Pure; refusals come back as
/// <see cref="OddsRejection"/>, never as exceptions. Formulas: ../shared/odds-and-edge.md.
/// </summary>
public static class Devig
{
    /// <summary>|Σπ − 1| at or below this counts as "no vig": every method returns the input.</summary>
    public const double NoVigTolerance = 1e-12;

    private const int MaxIterations = 400;
    private const double SumTolerance = 1e-10;

    public static OddsRejection TryDevig(IReadOnlyList<double> implied, DevigMethod method, out DevigResult result)
    {
        result = null!;
        if (implied.Count < 2) return OddsRejection.TooFewOutcomes;
        var overround = 0.0;
        foreach (var p in implied)
        {
            if (!double.IsFinite(p)) return OddsRejection.NotFinite;
            if (p <= 0 || p >= 1) return OddsRejection.ImpliedOutOfRange;
            overround += p;
        }
        if (overround < 1 - NoVigTolerance) return OddsRejection.OverroundBelowOne;

        if (overround - 1 <= NoVigTolerance)
        {
            result = new DevigResult(method, Scale(implied, 1.0 / overround), overround, NeutralParameter(method));
            return OddsRejection.None;
        }

        return method switch
        {
            DevigMethod.Multiplicative => Done(method, Scale(implied, 1.0 / overround), overround, 0, out result),
            DevigMethod.Additive => Additive(implied, overround, out result),
            DevigMethod.Power => Solve(method, implied, overround, PowerAt, lo: 1, hiStart: 2, unbounded: true, out result),
            DevigMethod.OddsRatio => Solve(method, implied, overround, OddsRatioAt, lo: 1, hiStart: 2, unbounded: true, out result),
            DevigMethod.Shin => Solve(method, implied, overround, (pi, ov, z, i) => ShinAt(pi, ov, z, i), lo: 0, hiStart: 1, unbounded: false, out result),
            _ => OddsRejection.UnknownMethod,
        };
    }

    /// <summary>Converts prices, then de-vigs them.</summary>
    public static OddsRejection TryDevigOdds(IReadOnlyList<double> odds, OddsFormat format, DevigMethod method, out DevigResult result)
    {
        result = null!;
        var err = ImpliedProbability.TryFromAll(odds, format, out var implied);
        return err != OddsRejection.None ? err : TryDevig(implied, method, out result);
    }

    private static double NeutralParameter(DevigMethod method) => method switch
    {
        DevigMethod.Power or DevigMethod.OddsRatio => 1.0,
        _ => 0.0,
    };

    private static OddsRejection Done(DevigMethod method, double[] probabilities, double overround, double parameter, out DevigResult result)
    {
        result = new DevigResult(method, probabilities, overround, parameter);
        return OddsRejection.None;
    }

    private static double[] Scale(IReadOnlyList<double> values, double factor)
    {
        var r = new double[values.Count];
        for (var i = 0; i < r.Length; i++) r[i] = values[i] * factor;
        return r;
    }

    private static OddsRejection Additive(IReadOnlyList<double> implied, double overround, out DevigResult result)
    {
        result = null!;
        var shift = (overround - 1) / implied.Count;
        var r = new double[implied.Count];
        for (var i = 0; i < r.Length; i++)
        {
            r[i] = implied[i] - shift;
            if (r[i] <= 0) return OddsRejection.AdditiveNonPositive;
        }
        return Done(DevigMethod.Additive, r, overround, 0, out result);
    }

    // p = π^k; Σ decreases in k, and k > 1 when Σπ > 1.
    private static double PowerAt(IReadOnlyList<double> pi, double overround, double k, int i) => Math.Pow(pi[i], k);

    // p = π / (c + π − cπ); Σ decreases in c, and c > 1 when Σπ > 1.
    private static double OddsRatioAt(IReadOnlyList<double> pi, double overround, double c, int i) => pi[i] / (c + pi[i] - c * pi[i]);

    // Shin (1993) with insider share z: p = (√(z² + 4(1−z)π²/Π) − z) / (2(1−z)); Σ decreases in z on [0, 1).
    private static double ShinAt(IReadOnlyList<double> pi, double overround, double z, int i) =>
        (Math.Sqrt(z * z + 4 * (1 - z) * pi[i] * pi[i] / overround) - z) / (2 * (1 - z));

    /// <summary>Bisection on a parameter whose sum of probabilities decreases monotonically.</summary>
    private static OddsRejection Solve(
        DevigMethod method, IReadOnlyList<double> implied, double overround,
        Func<IReadOnlyList<double>, double, double, int, double> at,
        double lo, double hiStart, bool unbounded, out DevigResult result)
    {
        result = null!;
        double SumAt(double x)
        {
            var s = 0.0;
            for (var i = 0; i < implied.Count; i++) s += at(implied, overround, x, i);
            return s;
        }

        var hi = hiStart;
        if (unbounded)
        {
            var doublings = 0;
            while (SumAt(hi) > 1)
            {
                if (++doublings > 60) return OddsRejection.SolverDidNotConverge;
                lo = hi;
                hi *= 2;
            }
        }
        else
        {
            // Shin's z lives in [0, 1); approach 1 without touching it.
            hi = Math.BitDecrement(1.0);
        }

        for (var iter = 0; iter < MaxIterations && hi - lo > 0; iter++)
        {
            var mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi) break;
            if (SumAt(mid) > 1) lo = mid; else hi = mid;
        }

        var x = lo + (hi - lo) / 2;
        var p = new double[implied.Count];
        var sum = 0.0;
        for (var i = 0; i < p.Length; i++) { p[i] = at(implied, overround, x, i); sum += p[i]; }
        if (!double.IsFinite(sum) || Math.Abs(sum - 1) > SumTolerance) return OddsRejection.SolverDidNotConverge;
        for (var i = 0; i < p.Length; i++) p[i] /= sum; // remove the last ~1e-15 so Σ is 1 to the bit, near enough
        return Done(method, p, overround, x, out result);
    }
}
