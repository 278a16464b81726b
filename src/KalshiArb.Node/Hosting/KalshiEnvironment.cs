namespace KalshiArb.Node.Hosting;

/// <summary>
/// Which Kalshi exchange live mode talks to (`--env`): production (real money) or the demo exchange, where demo keys
/// trade play money. Demo and production keys differ; a key of one is refused by the other.
/// </summary>
public enum KalshiEnvironment
{
    Prod,
    Demo,
}
