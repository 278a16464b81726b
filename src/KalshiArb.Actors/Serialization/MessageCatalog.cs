namespace KalshiArb.Actors.Serialization;

/// <summary>
/// Every type that is persisted or crosses the wire, with its manifest. Adding a persisted type without a
/// line here fails the serializer tests; changing a shape means a new ".vN" manifest plus an upcast.
/// </summary>
public static class MessageCatalog
{
    public static ManifestRegistry Registry { get; } = Build();

    private static ManifestRegistry Build()
    {
        var r = new ManifestRegistry();
        Persistence.JournalProbeEvent.Register(r);
        r.Register<Contracts.TradeSignal>(Contracts.TradeSignal.Manifest);
        Market.MarketMessages.Register(r);
        Risk.RiskMessages.Register(r); Execution.ExecutionMessages.Register(r);
        return r;
    }
}
