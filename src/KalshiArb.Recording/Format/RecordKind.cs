namespace KalshiArb.Recording.Format;

/// <summary>What a recorded message is. Stored as one byte; values are part of the format and never reused.</summary>
public enum RecordKind : byte
{
    /// <summary>A WS frame from the market-data connection (the feed), exactly as received.</summary>
    MarketDataFrame = 1,

    /// <summary>A WS frame from another connection (e.g. the private fills socket); the source id tells which.</summary>
    ConnectionFrame = 2,

    /// <summary>An Odds API odds answer body (JSON), exactly as received; the key is the sport key.</summary>
    OddsSnapshot = 3,

    /// <summary>A marker the node writes itself (run start, reconnect, config); the payload is the caller's.</summary>
    Marker = 4,
}

public static class RecordKinds
{
    public static bool IsKnown(byte kind) => kind is >= 1 and <= 4;

    /// <summary>Frames whose key is a market ticker (their keys go to the index's market list).</summary>
    public static bool KeysAreMarkets(RecordKind kind) => kind is RecordKind.MarketDataFrame or RecordKind.ConnectionFrame;
}
