using System.Collections.Immutable;
using Akka.Event;
using KalshiArb.Actors.Feed;
using KalshiArb.Actors.Market;
using KalshiArb.Domain.Odds;
using KalshiArb.Odds.Api;

namespace KalshiArb.Actors.OddsFeed;

/// <summary>
/// Polls The Odds API per sport on its <see cref="PollSchedule"/> (the call is piped back, never awaited), resolves
/// each Kalshi market to its sportsbook event with the reviewed team tables, computes the YES team's consensus
/// and sends it to the market's actor. A market that is unmatched or ambiguous never gets a consensus (so never
/// trades) and is listed in the unmatched report; one that loses its match or its fresh books gets a withdrawal.
/// </summary>
public sealed class OddsPoller : ReceiveActor, IWithTimers
{
    private sealed class TrackedMarket(string ticker, string? yesSubTitle, GameMarket? game, string? sportKey)
    {
        public string Ticker { get; } = ticker;
        public string? YesSubTitle { get; set; } = yesSubTitle;
        public GameMarket? Game { get; } = game;
        public string? SportKey { get; } = sportKey;
        public EventResolution? Resolution { get; set; }
    }

    private sealed class SportState(string key)
    {
        public string Key { get; } = key;
        public bool InFlight { get; set; }
        public long Polls { get; set; }
        public long Failures { get; set; }
        public long? LastPollAtMs { get; set; }
        public string? LastError { get; set; }
        public int Events { get; set; }
        public TimeSpan NextInterval { get; set; }
        public PollPace Pace { get; set; }
    }

    private readonly IOddsSource _source;
    private readonly TeamDirectory _teams;
    private readonly IActorRef _markets;
    private readonly OddsPollerSettings _settings;
    private readonly TimeProvider _clock;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Dictionary<string, TrackedMarket> _tracked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SportState> _sports = new(StringComparer.Ordinal);
    private readonly HashSet<string> _withConsensus = new(StringComparer.Ordinal);
    private readonly long[] _consensusRejects = new long[Enum.GetValues<ConsensusRejection>().Length];
    private long _consensusSent;

    public static Props Props(IOddsSource source, TeamDirectory teams, IActorRef markets, OddsPollerSettings? settings = null,
        TimeProvider? clock = null) =>
        Akka.Actor.Props.Create(() => new OddsPoller(source, teams, markets, settings ?? OddsPollerSettings.Default, clock ?? TimeProvider.System));

    public OddsPoller(IOddsSource source, TeamDirectory teams, IActorRef markets, OddsPollerSettings settings, TimeProvider clock)
    {
        _source = source;
        _teams = teams;
        _markets = markets;
        _settings = settings;
        _clock = clock;

        Receive<MarketsDiscovered>(d => Track(d.Markets));
        Receive<PollSport>(p => Poll(p.SportKey));
        Receive<OddsFetched>(OnFetched);
        Receive<GetUnmatchedMarkets>(_ => Sender.Tell(Unmatched()));
        Receive<GetOddsFeedState>(_ => Sender.Tell(View()));
        Receive<GetMatchedMarkets>(_ => Sender.Tell(new MatchedMarkets(_tracked.Values.Where(m => m.Resolution is { IsMatched: true })
            .Select(m => m.Ticker).Order(StringComparer.Ordinal).ToArray())));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PostStop()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    private void Track(IReadOnlyList<MarketMetadata> markets)
    {
        var newSports = new List<string>();
        foreach (var m in markets)
        {
            if (_tracked.TryGetValue(m.Ticker, out var known))
            {
                known.YesSubTitle = m.YesSubTitle;
                continue;
            }
            var err = GameMarket.TryParse(m.Ticker, _teams, out var game);
            if (err != TickerRejection.None)
            {
                // never polled for: listed as unmatched with the ticker's own reason
                _tracked[m.Ticker] = new TrackedMarket(m.Ticker, m.YesSubTitle, null, null) { Resolution = EventResolution.BadTicker(err, m.Ticker) };
                continue;
            }
            var sport = GameSeries.OddsApiSportKey(game.League);
            _tracked[m.Ticker] = new TrackedMarket(m.Ticker, m.YesSubTitle, game, sport);
            if (!_sports.ContainsKey(sport))
            {
                _sports[sport] = new SportState(sport) { NextInterval = _settings.Schedule.IntervalFor(sport) };
                newSports.Add(sport);
            }
        }
        if (_settings.AutoPoll)
            foreach (var sport in newSports) Self.Tell(new PollSport(sport));
    }

    private void Poll(string sportKey)
    {
        if (!_sports.TryGetValue(sportKey, out var sport) || sport.InFlight) return;
        sport.InFlight = true;
        _source.GetOddsAsync(sportKey, _stopping.Token).PipeTo(Self,
            success: r => new OddsFetched(sportKey, r, null),
            failure: ex => new OddsFetched(sportKey, null, $"{ex.GetType().Name}: {ex.Message}"));
    }

    private void OnFetched(OddsFetched f)
    {
        if (!_sports.TryGetValue(f.SportKey, out var sport)) return;
        var now = _clock.GetUtcNow();
        sport.InFlight = false;
        sport.Polls++;
        sport.LastPollAtMs = now.ToUnixTimeMilliseconds();
        if (f.Result is not { IsOk: true } result)
        {
            // Markets keep their last consensus; it ages past the detector's odds limit and they stop trading.
            sport.Failures++;
            sport.LastError = f.Result?.Error is { } e ? $"{e.Kind}: {e.Reason}" : f.Failure;
            _log.Warning("odds poll {0} failed: {1}", f.SportKey, sport.LastError);
        }
        else
        {
            sport.LastError = null;
            sport.Events = result.Events.Count;
            // the lines are as of the answer's receive time (the recorder's too): the consensus is dated by it, so a replay
            // computes the same consensus and the markets place it among the same book changes as live
            Apply(f.SportKey, result, result.ReceivedAt ?? now);
        }
        // the markets were told (or kept their consensus): the book changes the feed held back behind this answer may go on
        if (f.Result?.ReceivedAt is { } received) _settings.Arrivals?.Applied(received);
        ScheduleNext(sport, now);
    }

    private void Apply(string sportKey, OddsApiResult result, DateTimeOffset now)
    {
        var events = result.Events.Select(e => e.ToOddsEvent()).ToArray();
        // a repeated event id is the API's mistake: keep the first rather than fail the whole sport
        var byId = new Dictionary<string, OddsApiEvent>(StringComparer.Ordinal);
        foreach (var e in result.Events) byId.TryAdd(e.Id, e);
        var nowMs = now.ToUnixTimeMilliseconds();
        foreach (var m in _tracked.Values)
        {
            if (m.SportKey != sportKey || m.Game is null) continue;
            var resolution = EventResolver.Resolve(m.Game, m.YesSubTitle, events);
            m.Resolution = resolution;
            if (!resolution.IsMatched || !byId.TryGetValue(resolution.EventId!, out var ev))
            {
                Withdraw(m.Ticker, resolution.ReasonCode, nowMs);
                continue;
            }
            var outcome = Consensus.Compute(ev.LinesFor(resolution.YesTeamName!), now, _settings.Consensus);
            if (outcome.Consensus is not { } c)
            {
                _consensusRejects[(int)outcome.Rejection]++;
                Withdraw(m.Ticker, outcome.Rejection.ToString(), nowMs);
                continue;
            }
            _markets.Tell(new ConsensusUpdated(m.Ticker, ev.Id, c.FairProbability, c.FreshBooks, c.Dispersion, nowMs,
                resolution.CommenceTime ?? ev.CommenceTime));
            _withConsensus.Add(m.Ticker);
            _consensusSent++;
        }
    }

    private void Withdraw(string ticker, string reason, long nowMs)
    {
        if (_withConsensus.Remove(ticker)) _markets.Tell(new ConsensusWithdrawn(ticker, reason, nowMs));
    }

    private void ScheduleNext(SportState sport, DateTimeOffset now)
    {
        var decision = PollSchedule.Next(sport.Key, _source.Quota, now, _settings.QuotaResetsAt(now), Math.Max(1, _sports.Count),
            _source.CostPerCall, _settings.Schedule);
        sport.NextInterval = decision.Interval;
        sport.Pace = decision.Pace;
        if (_settings.AutoPoll) Timers.StartSingleTimer("poll:" + sport.Key, new PollSport(sport.Key), decision.Interval);
    }

    private UnmatchedMarkets Unmatched()
    {
        var report = new UnmatchedReport();
        foreach (var m in _tracked.Values.OrderBy(m => m.Ticker, StringComparer.Ordinal))
            if (m.Resolution is { } r) report.Add(m.Ticker, m.YesSubTitle, r);
        return new UnmatchedMarkets(report.Entries.ToArray(), report.MatchedCount, report.ToText());
    }

    private OddsFeedStateView View()
    {
        var rejects = CountsByReason.Of<ConsensusRejection>(_consensusRejects);
        var sports = _sports.Values.OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new SportPollView(s.Key, _tracked.Values.Count(m => m.SportKey == s.Key), s.Polls, s.Failures, s.LastPollAtMs,
                s.LastError, s.Events, (long)s.NextInterval.TotalMilliseconds, s.Pace))
            .ToArray();
        var unmatched = _tracked.Values.Count(m => m.Resolution is { IsMatched: false });
        return new OddsFeedStateView(sports, _source.Quota, _tracked.Values.Count(m => m.Resolution is { IsMatched: true }), unmatched,
            _consensusSent, rejects);
    }

    private sealed record OddsFetched(string SportKey, OddsApiResult? Result, string? Failure);
}
