using KalshiArb.Domain.Orders.Lifecycle;
using KalshiArb.Domain.Venues;
using static KalshiArb.Domain.Tests.Orders.Lifecycle.LifecycleFixtures;

namespace KalshiArb.Domain.Tests.Orders.Lifecycle;

/// <summary>
/// Random lives of one order: a script of choices and delays is played against Decide the way the actor would (an
/// answer only for the call that is out, a timer only once started, replays after random "crashes"), and after every
/// decision the rules that make orders time-bounded must hold.
/// </summary>
public sealed class OrderLifecyclePropertyTests
{
    /// <summary>One step: which of the possible inputs to feed (taken modulo what is possible) and how much time passes first.</summary>
    public sealed record Step(int Choice, int DelayMs, int Variant);

    private static readonly Arbitrary<Step[]> Scripts = Arb.From(
        Gen.ArrayOf(from choice in Gen.Choose(0, 1000)
                    from delay in Gen.Frequency((6, Gen.Choose(0, 300)), (2, Gen.Choose(300, 4_000)), (1, Gen.Choose(4_000, 20_000)))
                    from variant in Gen.Choose(0, 7)
                    select new Step(choice, delay, variant)));

    [Property(MaxTest = 1000)]
    public Property Nothing_reaches_the_venue_after_the_horizon_and_the_journal_replays_to_the_same_order() =>
        Prop.ForAll(Scripts, script =>
        {
            var life = new Life();
            foreach (var step in script) life.Play(step);
        });

    /// <summary>Plays a script and checks every decision.</summary>
    private sealed class Life
    {
        private readonly List<(OrderEvent Event, long At)> _journal = [];
        private readonly HashSet<OrderTimer> _timers = [];
        private OrderProcess _state = OrderProcess.Start(Id);
        private OrderEffect? _call;
        private bool _askOut;
        private long _now = T0;
        private int _trades;
        private bool _venueHasIt;

        /// <summary>A submit left and its answer was lost (or its incarnation crashed): it may still land, but not after <see cref="Final"/>.</summary>
        private bool _mayLand;

        public void Play(Step step)
        {
            _now += step.DelayMs;
            // Answers come quickly in real life: an outstanding ask or call is usually answered next.
            var answers = Answers(step.Variant);
            var choices = answers.Count > 0 && step.Variant < 5 ? answers : Possible(step.Variant);
            Decide(choices[step.Choice % choices.Count]);
        }

        private List<OrderInput> Answers(int v)
        {
            var list = new List<OrderInput>();
            if (_askOut)
            {
                list.Add(new RiskApprovedInput(Id, Money.FromDollars(6)));
                list.Add(new RiskApprovedInput(Id, Money.FromDollars(6)));
                list.Add(new RiskDeniedInput(Id, RiskDenialReason.MaxOpenMarkets));
                list.Add(new RiskUnavailableInput("timeout"));
            }
            if (_call is not null) list.AddRange(Answers(_call, v));
            return list;
        }

        private List<OrderInput> Possible(int v)
        {
            var list = new List<OrderInput> { Place(), new CancelCommanded("test"), IdleElapsed.Instance };
            if (_venueHasIt)
            {
                list.Add(new FillReported(Fill("t-" + (_trades % 3), 1 + v % 4)));
                list.Add(new VenueUpdated(VenueOrder(v % 2 == 0 ? VenueOrderStatus.Resting : VenueOrderStatus.Canceled, filled: v % 3)));
            }
            // The venue's promise the design leans on: nothing sent by the horizon arrives after horizon + call timeout + grace.
            if (_mayLand && !_venueHasIt && _state.SubmitByMs(Policy) is { } by && _now <= by + 12_000) list.Add(new Land());
            list.AddRange(_timers.Select(t => (OrderInput)new TimerFired(t)));
            list.AddRange(Answers(v));
            // a crash: the journal is replayed into a new incarnation
            list.Add(new Crash());
            return list;
        }

        private IEnumerable<OrderInput> Answers(OrderEffect call, int v) => call switch
        {
            // SubmitHeldBack: the actor did not make the call (the gate did not confirm the reservation)
            SubmitToVenue => v % 3 == 0
                ? [new SubmitLost("timeout"), SubmitWindowClosed.Instance, new SubmitHeldBack("not confirmed")]
                : [new SubmitAnswered(new VenueSubmitResult(VenueResultKind.Accepted, "x-1", VenueOrderStatus.Resting, Quantity.Zero, Quantity.FromContracts(10), null)),
                   new SubmitAnswered(VenueSubmitResult.Rejected(VenueResultKind.InvalidPrice, "no")), new SubmitLost("timeout")],
            LookupAtVenue => _venueHasIt
                ? [new LookupAnswered(VenueOrderLookup.Found(VenueOrder(v % 2 == 0 ? VenueOrderStatus.Resting : VenueOrderStatus.Canceled))), new LookupFailed("503")]
                : [new LookupAnswered(VenueOrderLookup.NotFound), new LookupFailed("503")],
            FetchFills f => [new FillsFetched([Fill("t-" + (_trades % 3), 1)], f.Then), new LookupFailed("503")],
            CancelAtVenue => [new CancelAnswered(new VenueCancelResult(VenueResultKind.Accepted, Quantity.Zero, null)),
                new CancelAnswered(new VenueCancelResult(VenueResultKind.NotFound, Quantity.Zero, null))],
            _ => [],
        };

        private sealed record Crash : OrderInput;

        private sealed record Land : OrderInput;

        private void Decide(OrderInput input)
        {
            if (input is Land)
            {
                _venueHasIt = true;
                return;
            }
            if (input is Crash)
            {
                if (_call is SubmitToVenue) _mayLand = true;
                // Only what was journaled survives; timers, calls and asks die with the incarnation.
                _state = _journal.Aggregate(OrderProcess.Start(Id), (s, j) => OrderLifecycle.Evolve(s, j.Event, j.At));
                (_call, _askOut) = (null, false);
                _timers.Clear();
                input = Recovered.Instance;
            }
            var before = _state;
            var answered = input is SubmitAnswered or SubmitLost or SubmitWindowClosed or SubmitHeldBack or LookupAnswered or LookupFailed or FillsFetched or CancelAnswered;
            if (answered) _call = null;
            if (input is RiskApprovedInput or RiskDeniedInput or RiskUnavailableInput) _askOut = false;
            if (input is TimerFired t) _timers.Remove(t.Timer);
            if (input is SubmitAnswered { Result.IsAccepted: true } or LookupAnswered { Lookup.Order: not null }) _venueHasIt = true;
            if (input is SubmitLost) _mayLand = true;
            if (input is FillReported or FillsFetched) _trades++;

            var d = OrderLifecycle.Decide(before, input, _now, Policy);
            _state = d.State;
            var by = d.State.SubmitByMs(Policy);

            foreach (var e in d.Events)
            {
                if (e is SubmitRequested or SubmitRetried)
                    Assert.True(by is { } b && _now <= b, $"{e.GetType().Name} journaled at {_now - T0} ms, horizon ends at {by - T0}");
                _journal.Add((e, _now));
            }
            var calls = d.Effects.Where(e => e is SubmitToVenue or LookupAtVenue or FetchFills or CancelAtVenue).ToList();
            Assert.True(calls.Count <= 1, "one venue call per decision");
            if (calls.Count == 1)
            {
                Assert.True(_call is null, $"{calls[0].GetType().Name} while {_call?.GetType().Name} is out");
                _call = calls[0];
            }
            if (calls.SingleOrDefault() is SubmitToVenue submit)
            {
                Assert.Equal(by, submit.NotAfterMs);
                Assert.True(_now <= submit.NotAfterMs, "a submit decided after the horizon");
                Assert.False(d.State.Order!.IsTerminal, "a terminal order is never sent");
            }
            foreach (var ask in d.Effects.OfType<AskRisk>()) _askOut = true;
            foreach (var timer in d.Effects.OfType<StartTimer>()) _timers.Add(timer.Timer);
            if (d.Effects.Any(e => e is StopAllTimers)) _timers.Clear();

            // What the venue has (or may still get) is never expired as "never reached the venue".
            if (d.State.Order is { State: ExecutionOrderState.Expired, ExpiryReason: { } reason } expired && reason.IsHorizon())
            {
                Assert.False(_venueHasIt, "expired at its horizon although the venue has it");
                Assert.False(_mayLand && _now <= by + 12_000, "expired at its horizon while a submit could still land");
                Assert.Null(expired.ExchangeOrderId);
            }
            Assert.DoesNotContain(d.Events, e => e is MarkedNeedsAttention m && m.Reason.Contains("after its horizon", StringComparison.Ordinal));

            // The journal alone rebuilds the same order (one whose creation is not journaled yet does not exist there).
            var replayed = _journal.Aggregate(OrderProcess.Start(Id), (s, j) => OrderLifecycle.Evolve(s, j.Event, j.At));
            Assert.Equal(d.State.Unjournaled is null ? d.State.Order : null, replayed.Order);
            Assert.Equal(0, replayed.Refused);
        }
    }
}
