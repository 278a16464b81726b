using Akka.Event;
using KalshiArb.Actors.Contracts;
using KalshiArb.Domain.Pnl;
using KalshiArb.Kalshi;
using KalshiArb.Kalshi.Model;

namespace KalshiArb.Actors.Execution;

/// <summary>How often and how patiently the catch-up asks; <see cref="Interval"/> is kalshiarb.orders.settlement-check-interval.</summary>
public sealed record SettlementCatchUpSettings(TimeSpan Interval, TimeSpan CallTimeout, TimeSpan DeskTimeout);

/// <summary>Check now (at start, after a feed reconnect, on the timer); a check already running absorbs it.</summary>
public sealed record CheckSettlements(string Why);

/// <summary>Ask for the catch-up's counters (local only).</summary>
public sealed record GetSettlementCatchUpState
{
    public static readonly GetSettlementCatchUpState Instance = new();
}

public sealed record SettlementCatchUpState(int Checks, int MarketsAsked, int Published, int ValueUnknown, int Failures, string? LastFailure);

/// <summary>
/// Settlement catch-up, one next to each order desk: a settlement reaches the desk only as a live lifecycle event,
/// which Kalshi does not replay, so a market that settles while the feed is down, the node is down or before we
/// subscribed would stay open for ever. This asks GET /markets/{ticker} (through the REST client's rate limiter,
/// each call bounded) for every market the desk's P&amp;L book holds unsettled, and publishes a settled one exactly
/// as the feed does (<see cref="SettlementNews"/>), so the desk's once-only settlement applies. It checks at start, when
/// the feed reconnects (<see cref="FeedReconnected"/>) and every <see cref="SettlementCatchUpSettings.Interval"/> (which
/// also covers a first check that ran before the journal seeded the desk's book). The desk's book is
/// the source because every execution node has its desk, while the risk gate is one singleton in the cluster.
/// </summary>
public sealed class SettlementCatchUp : ReceiveActor, IWithTimers
{
    private const string TimerKey = "settlement-check";

    private sealed record BookForCheck(PnlBook Book);
    private sealed record Checked(IReadOnlyList<MarketAnswer> Answers);
    private sealed record CheckFailed(string Reason);

    /// <summary>One market's answer: a reading, or why there is none.</summary>
    private sealed record MarketAnswer(string Ticker, MarketSettlementReading? Reading, string? FailureKind, string? Detail = null);

    private readonly IActorRef _desk;
    private readonly Func<string, CancellationToken, Task<KalshiResult<KalshiMarket>>> _market;
    private readonly SettlementCatchUpSettings _settings;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private readonly HashSet<string> _reasonsLogged = new(StringComparer.Ordinal);
    private bool _running;
    private bool _again;
    private int _checks, _asked, _published, _valueUnknown, _failures;
    private string? _lastFailure;

    public ITimerScheduler Timers { get; set; } = null!;

    public SettlementCatchUp(IActorRef desk, Func<string, CancellationToken, Task<KalshiResult<KalshiMarket>>> market, SettlementCatchUpSettings settings)
    {
        _desk = desk;
        _market = market;
        _settings = settings;
        Receive<CheckSettlements>(OnCheck);
        Receive<BookForCheck>(OnBook);
        Receive<Checked>(OnChecked);
        Receive<CheckFailed>(f =>
        {
            Fail("desk", "no check", f.Reason);
            Done();
        });
        Receive<FeedReconnected>(_ => OnCheck(new CheckSettlements("feed reconnect")));
        Receive<Akka.Cluster.Tools.PublishSubscribe.SubscribeAck>(_ => { });
        Receive<GetSettlementCatchUpState>(_ => Sender.Tell(new SettlementCatchUpState(_checks, _asked, _published, _valueUnknown, _failures, _lastFailure)));
    }

    public static Props Props(IActorRef desk, Func<string, CancellationToken, Task<KalshiResult<KalshiMarket>>> market, SettlementCatchUpSettings settings) =>
        Akka.Actor.Props.Create(() => new SettlementCatchUp(desk, market, settings));

    protected override void PreStart()
    {
        SettlementNews.SubscribeReconnected(Context.System, Self);
        Self.Tell(new CheckSettlements("start"));
        if (_settings.Interval > TimeSpan.Zero) Timers.StartPeriodicTimer(TimerKey, new CheckSettlements("timer"), _settings.Interval);
    }

    private void OnCheck(CheckSettlements check)
    {
        if (_running)
        {
            // a reconnect during a check may have hidden a settlement the running check already asked about
            if (check.Why != "timer") _again = true;
            return;
        }
        _running = true;
        _checks++;
        _desk.Ask<PnlBook>(GetPnlBook.Instance, _settings.DeskTimeout)
            .PipeTo(Self, success: b => new BookForCheck(b), failure: ex => new CheckFailed("no P&L book: " + VenueCall.Describe(ex)));
    }

    private void OnBook(BookForCheck msg)
    {
        var tickers = SettlementCheck.TickersToCheck(msg.Book.Positions);
        if (tickers.Count == 0)
        {
            Done();
            return;
        }
        _asked += tickers.Count;
        AskAll(tickers, _market, _settings.CallTimeout).PipeTo(Self, success: a => new Checked(a), failure: ex => new CheckFailed(VenueCall.Describe(ex)));
    }

    private void OnChecked(Checked msg)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        foreach (var answer in msg.Answers)
        {
            if (answer.FailureKind is { } kind)
            {
                Fail(answer.Ticker, kind, answer.Detail);
                continue;
            }
            switch (answer.Reading)
            {
                case { State: MarketSettlementState.Settled, YesValue: { } yes }:
                    _published++;
                    _log.Info("settlement catch-up: {0} settled at YES = {1} without a live event; published", answer.Ticker, yes.ToWire());
                    SettlementNews.Publish(Context.System, new MarketSettled(answer.Ticker, yes, now));
                    break;
                case { State: MarketSettlementState.ValueUnknown }:
                    _valueUnknown++;
                    Fail(answer.Ticker, "value unknown", "determined without a yes/no result or settlement value");
                    break;
            }
        }
        Done();
    }

    private void Done()
    {
        _running = false;
        if (!_again) return;
        _again = false;
        Self.Tell(new CheckSettlements("again"));
    }

    /// <summary>Counted every time; logged once per reason so a down exchange does not flood the log.</summary>
    private void Fail(string ticker, string reason, string? detail)
    {
        _failures++;
        _lastFailure = $"{ticker}: {reason}: {detail}";
        if (_reasonsLogged.Add(reason))
            _log.Warning("settlement catch-up: {0}: {1}: {2} (further failures of this kind are counted, not logged)", ticker, reason, detail);
    }

    /// <summary>One market after another: the client's rate limiter spaces them; each call has its own deadline.</summary>
    private static async Task<IReadOnlyList<MarketAnswer>> AskAll(IReadOnlyList<string> tickers,
        Func<string, CancellationToken, Task<KalshiResult<KalshiMarket>>> market, TimeSpan timeout)
    {
        var answers = new List<MarketAnswer>(tickers.Count);
        foreach (var ticker in tickers)
        {
            try
            {
                var result = await VenueCall.Run(ct => market(ticker, ct), timeout).ConfigureAwait(false);
                answers.Add(result.IsSuccess
                    ? new MarketAnswer(ticker, MarketSettlementReading.Of(result.Value), null)
                    : new MarketAnswer(ticker, null, result.Error.Kind.ToString(), result.Error.Message));
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or HttpRequestException)
            {
                answers.Add(new MarketAnswer(ticker, null, "no answer", $"within {timeout}: {ex.GetType().Name}"));
            }
        }
        return answers;
    }
}
