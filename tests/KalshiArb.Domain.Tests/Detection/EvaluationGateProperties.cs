namespace KalshiArb.Domain.Tests.Detection;

public class EvaluationGateProperties
{
    private const long Interval = 250;

    // gaps between changes (0..600 ms) and, before each change, whether a timer looks in and how far into the gap
    private static readonly Gen<(int Gap, bool Timer, int Share)[]> Steps =
        (from gap in Gen.Choose(0, 600)
         from timer in Gen.Elements(true, false)
         from share in Gen.Choose(0, 100)
         select (gap, timer, share)).ArrayOf();

    /// <summary>
    /// Runs the changes through a gate; a timer that looks in between two changes flushes what is due by its time (never
    /// later than the next change). Returns each evaluation as (time, changes applied before it), then the final flush.
    /// </summary>
    private static List<(long At, int Changes)> Run((int Gap, bool Timer, int Share)[] steps, bool timers)
    {
        var gate = new EvaluationGate(Interval);
        var evaluations = new List<(long, int)>();
        long t = 1_000_000;
        var applied = 0;
        foreach (var (gap, timer, share) in steps)
        {
            var next = t + gap;
            if (timers && timer && gate.TakeDue(t + gap * share / 100) is { } early) evaluations.Add((early, applied));
            if (gate.TakeDue(next) is { } due) evaluations.Add((due, applied));
            applied++;
            if (gate.OnChange(next) is { } now) evaluations.Add((now, applied));
            t = next;
        }
        if (gate.TakeDue(long.MaxValue) is { } last) evaluations.Add((last, applied));
        return evaluations;
    }

    [Property(MaxTest = 500)]
    public Property The_evaluations_depend_only_on_the_change_times_not_on_when_timers_look_in() =>
        Prop.ForAll(Steps.ToArbitrary(), steps => Run(steps, timers: true).SequenceEqual(Run(steps, timers: false)));

    [Property(MaxTest = 500)]
    public Property Evaluations_are_an_interval_apart_and_every_change_is_evaluated() =>
        Prop.ForAll(Steps.ToArbitrary(), steps =>
        {
            var evaluations = Run(steps, timers: true);
            var spaced = evaluations.Zip(evaluations.Skip(1)).All(p => p.Second.At - p.First.At >= Interval);
            var covered = steps.Length == 0 || (evaluations.Count > 0 && evaluations[^1].Changes == steps.Length);
            return spaced && covered;
        });

    [Property(MaxTest = 500)]
    public Property A_change_after_a_quiet_interval_is_evaluated_at_its_own_time() =>
        Prop.ForAll(Steps.ToArbitrary(), steps =>
        {
            var evaluations = Run(steps, timers: false);
            long t = 1_000_000;
            long? last = null;
            for (var i = 0; i < steps.Length; i++)
            {
                t += steps[i].Gap;
                // the last evaluation strictly before this change (a flush exactly at t comes before it too)
                var before = evaluations.Where(e => e.Changes <= i).Select(e => (long?)e.At).LastOrDefault();
                last = before;
                if ((last is null || t - last >= Interval) && !evaluations.Contains((t, i + 1))) return false;
            }
            return true;
        });
}
