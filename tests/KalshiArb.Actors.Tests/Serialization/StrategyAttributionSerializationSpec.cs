using System.Text;
using KalshiArb.Domain.Detection;
using KalshiArb.Domain.Pnl;

namespace KalshiArb.Actors.Tests.Serialization;

/// <summary>The strategy id on signals, order journals and the desk's P&amp;L: written now, and absent from older rows.</summary>
public sealed class StrategyAttributionSerializationSpec : TestKit
{
    public StrategyAttributionSerializationSpec() : base(SerializationConfig.Create(), "strategy-attribution-serialization-spec")
    {
    }

    private KalshiArbSerializer Serializer => new((ExtendedActorSystem)Sys);

    private T RoundTrip<T>(T value) where T : notnull
    {
        var s = Serializer;
        return Assert.IsType<T>(s.FromBinary(s.ToBinary(value), s.Manifest(value)));
    }

    [Fact]
    public void A_signal_and_an_order_carry_their_strategy_through_the_serializer()
    {
        var signal = new TradeSignal("sig-1", "T1", OutcomeSide.No, Price.FromCents(42), Quantity.FromContracts(7), 0.47, 0.0329, 0.6,
            "why", 1_790_000_000_000, StrategyIds.MeanReversion);
        Assert.Equal(signal, RoundTrip(signal));
        Assert.Equal(TradeSignal.Manifest, Serializer.Manifest(signal));

        var created = new OrderCreatedEvent("e1", "sig-1", "T1", OutcomeSide.No, Price.FromCents(42), Quantity.FromContracts(7), 5, 4, 9,
            StrategyIds.MeanReversion);
        var back = RoundTrip(created);
        Assert.Equal(created, back);
        Assert.Equal(StrategyIds.MeanReversion, ((OrderCreated)back.ToDomain()).StrategyId);

        var notice = new OrderStatusNotice("e1", "T1", ExecutionOrderState.Filled, "x-1", null, StrategyId: StrategyIds.MeanReversion);
        Assert.Equal(StrategyIds.MeanReversion, RoundTrip(notice).StrategyId);

        var book = new PnlBook([], [], 0, [new StrategyPnl(StrategyIds.MeanReversion, 2, 1, Money.Parse("-0.09"), Money.Parse("0.09"))]);
        Assert.Equal(book.Strategies, RoundTrip(book).Strategies);
    }

    [Fact]
    public void An_old_signal_without_a_strategy_reads_as_the_consensus_strategy()
    {
        const string old = """{"signal_id":"sig-abc","ticker":"T1","side":"yes","limit_price":"0.5000","count":"10.00","fair_probability":0.6,"edge_per_contract":0.0825,"confidence":0.7,"reason":"buy","created_at_ms":1790000000000}""";
        var signal = Assert.IsType<TradeSignal>(Serializer.FromBinary(Encoding.UTF8.GetBytes(old), "trade-signal.v1"));
        Assert.Equal(StrategyIds.ConsensusEdge, signal.StrategyId);
        Assert.Equal("sig-abc", signal.SignalId);
        Assert.Equal(Price.FromCents(50), signal.LimitPrice);
        Assert.Equal(Quantity.FromContracts(10), signal.Count);
    }

    [Fact]
    public void An_old_order_journal_row_without_a_strategy_reads_and_books_as_consensus()
    {
        const string old = """{"execution_id":"e1","signal_id":"sig-abc","ticker":"T1","side":"no","limit_price":"0.4200","count":"7.00","at_ms":5,"signal_at_ms":4,"submit_by_ms":9}""";
        var row = Assert.IsType<OrderCreatedEvent>(Serializer.FromBinary(Encoding.UTF8.GetBytes(old), "order-created.v1"));
        Assert.Null(row.StrategyId);
        var created = Assert.IsType<OrderCreated>(row.ToDomain());
        Assert.Equal(Price.FromCents(42), created.LimitPrice);
        Assert.Equal(StrategyIds.ConsensusEdge, StrategyLedgers.Of(created.StrategyId));

        const string oldBook = """{"positions":[],"history":[],"refused":0}""";
        Assert.Null(Assert.IsType<PnlBook>(Serializer.FromBinary(Encoding.UTF8.GetBytes(oldBook), "pnl-book.v1")).Strategies);
    }
}
