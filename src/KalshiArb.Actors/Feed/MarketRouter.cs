using Akka.Actor;
using KalshiArb.Actors.Market;

namespace KalshiArb.Actors.Feed;

/// <summary>Ask the router which markets have an actor.</summary>
public sealed record GetRoutedMarkets
{
    public static readonly GetRoutedMarkets Instance = new();
}

public sealed record RoutedMarkets(IReadOnlyList<string> Tickers);

/// <summary>
/// The single-node stand-in for the "market" shard region: forwards every <see cref="ITickerMessage"/> to the
/// MarketActor child of its ticker, creating it on first use. The sender is kept, so queries answer the asker.
/// </summary>
public sealed class MarketRouter : ReceiveActor
{
    private readonly Func<string, Props> _entityProps;

    public static Props Props(Func<string, Props> entityProps) => Akka.Actor.Props.Create(() => new MarketRouter(entityProps));

    public MarketRouter(Func<string, Props> entityProps)
    {
        _entityProps = entityProps;
        Receive<ITickerMessage>(m => ChildFor(m.Ticker).Forward(m));
        Receive<GetRoutedMarkets>(_ =>
            Sender.Tell(new RoutedMarkets(Context.GetChildren().Select(c => Uri.UnescapeDataString(c.Path.Name)).Order(StringComparer.Ordinal).ToArray())));
    }

    private IActorRef ChildFor(string ticker)
    {
        // Tickers are [A-Z0-9.-] today; escaping keeps any future character from breaking the actor name.
        var name = Uri.EscapeDataString(ticker);
        var child = Context.Child(name);
        return child.IsNobody() ? Context.ActorOf(_entityProps(ticker), name) : child;
    }
}
