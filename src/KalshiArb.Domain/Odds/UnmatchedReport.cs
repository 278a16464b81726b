using System.Text;

namespace KalshiArb.Domain.Odds;

/// <summary>One market that will not trade because it could not be tied to a sportsbook event.</summary>
public sealed record UnmatchedMarket(string Ticker, string? YesSubTitle, ResolutionStatus Status, string ReasonCode, string Detail);

/// <summary>
/// The list of unmatched and ambiguous markets with reasons, for a command or a log summary.
/// Not thread-safe: one owner fills it, then prints it.
/// </summary>
public sealed class UnmatchedReport
{
    private readonly List<UnmatchedMarket> _entries = [];

    public IReadOnlyList<UnmatchedMarket> Entries => _entries;

    public int MatchedCount { get; private set; }

    public void AddTickerRejection(string ticker, string? yesSubTitle, TickerRejection rejection) =>
        Add(ticker, yesSubTitle, EventResolution.BadTicker(rejection, ticker));

    /// <summary>Records a resolution; matched ones only count.</summary>
    public void Add(string ticker, string? yesSubTitle, EventResolution resolution)
    {
        if (resolution.IsMatched) { MatchedCount++; return; }
        var detail = resolution.CandidateEventIds is { Count: > 0 } ids
            ? $"{resolution.Detail} [{string.Join(", ", ids)}]"
            : resolution.Detail;
        _entries.Add(new UnmatchedMarket(ticker, yesSubTitle, resolution.Status, resolution.ReasonCode, detail));
    }

    public IReadOnlyDictionary<string, int> CountsByReason() =>
        _entries.GroupBy(e => e.ReasonCode).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>A plain-text table: a summary line, counts per reason, then one line per market.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.Append("matched ").Append(MatchedCount).Append(", unmatched/ambiguous ").Append(_entries.Count).AppendLine();
        foreach (var (reason, count) in CountsByReason()) sb.Append("  ").Append(reason).Append(": ").Append(count).AppendLine();
        foreach (var e in _entries.OrderBy(e => e.Ticker, StringComparer.Ordinal))
            sb.Append(e.Status).Append('\t').Append(e.Ticker).Append('\t').Append(e.YesSubTitle ?? "-").Append('\t')
              .Append(e.ReasonCode).Append('\t').Append(e.Detail).AppendLine();
        return sb.ToString();
    }
}
