namespace KalshiArb.Domain.Odds;

/// <summary>
/// Per-team consensus: drop stale books, de-vig each remaining book on its own, then take the
/// (weighted) median. De-vigging each book alone before combining keeps one book's margin from
/// leaking into another's line. Pure: <c>now</c> is passed in.
/// </summary>
public static class Consensus
{
    public static ConsensusOutcome Compute(IReadOnlyList<BookLine> lines, DateTimeOffset now, ConsensusSettings settings)
    {
        if (settings.MinFreshBooks < 1 || settings.MaxBookAge <= TimeSpan.Zero || settings.MaxClockSkew < TimeSpan.Zero
            || !double.IsFinite(settings.DefaultBookWeight) || settings.DefaultBookWeight <= 0)
            return new ConsensusOutcome(null, ConsensusRejection.InvalidSettings, []);
        if (lines.Count == 0) return new ConsensusOutcome(null, ConsensusRejection.NoBooks, []);

        var dropped = new List<DroppedBook>();
        var latest = new Dictionary<string, BookLine>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            if (latest.TryGetValue(line.BookKey, out var seen))
            {
                var (keep, drop) = line.LastUpdate > seen.LastUpdate ? (line, seen) : (seen, line);
                latest[line.BookKey] = keep;
                dropped.Add(new DroppedBook(drop.BookKey, BookDropReason.Superseded));
            }
            else latest[line.BookKey] = line;
        }

        var fair = new List<BookFairValue>();
        foreach (var line in latest.Values.OrderBy(l => l.BookKey, StringComparer.Ordinal))
        {
            var age = now - line.LastUpdate;
            if (age > settings.MaxBookAge) { dropped.Add(new DroppedBook(line.BookKey, BookDropReason.Stale)); continue; }
            if (-age > settings.MaxClockSkew) { dropped.Add(new DroppedBook(line.BookKey, BookDropReason.FutureTimestamp)); continue; }
            var err = Devig.TryDevigOdds([line.TeamPrice, line.OpponentPrice], line.Format, settings.Method, out var r);
            if (err != OddsRejection.None) { dropped.Add(new DroppedBook(line.BookKey, BookDropReason.Unusable, err)); continue; }
            var weight = settings.Aggregation == ConsensusAggregation.WeightedMedian ? settings.WeightOf(line.BookKey) : 1.0;
            fair.Add(new BookFairValue(line.BookKey, line.LastUpdate, r.Probabilities[0], weight));
        }

        if (fair.Count < settings.MinFreshBooks)
            return new ConsensusOutcome(null, ConsensusRejection.TooFewFreshBooks, dropped);

        var values = fair.Select(f => f.FairProbability).ToArray();
        var mean = values.Average();
        var stdDev = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        var consensus = new TeamConsensus(
            WeightedMedian(fair),
            fair.Count,
            values.Max() - values.Min(),
            stdDev,
            fair.Max(f => f.LastUpdate),
            fair.Min(f => f.LastUpdate),
            fair,
            dropped);
        return new ConsensusOutcome(consensus, ConsensusRejection.None, dropped);
    }

    /// <summary>
    /// The value where cumulative weight first reaches half the total; when it lands exactly on
    /// half, the midpoint with the next value (so equal weights give the ordinary median).
    /// </summary>
    public static double WeightedMedian(IReadOnlyList<BookFairValue> books)
    {
        if (books.Count == 0) throw new ArgumentException("no books", nameof(books));
        var sorted = books.OrderBy(b => b.FairProbability).ToArray();
        var total = sorted.Sum(b => b.Weight);
        var half = total / 2;
        var cumulative = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            cumulative += sorted[i].Weight;
            if (Math.Abs(cumulative - half) <= 1e-12 * total && i + 1 < sorted.Length)
                return (sorted[i].FairProbability + sorted[i + 1].FairProbability) / 2;
            if (cumulative > half) return sorted[i].FairProbability;
        }
        return sorted[^1].FairProbability;
    }
}
