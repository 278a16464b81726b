using KalshiArb.Domain.Fees;

namespace KalshiArb.Adapters.Paper.Config;

/// <summary>Configuration of the paper venue.</summary>
public sealed record PaperVenueOptions
{
    public string Name { get; init; } = "paper";

    /// <summary>Cash the paper account starts with.</summary>
    public Money StartingBalance { get; init; } = Money.FromDollars(1000);

    /// <summary>Fee rule for markets not configured otherwise (sports GAME series: maker fees on).</summary>
    public FeeSchedule Fees { get; init; } = FeeSchedule.SportsGame;

    /// <summary>Price grid for markets not configured otherwise.</summary>
    public PriceGrid Grid { get; init; } = PriceGrid.Cents;

    /// <summary>Whether markets not configured otherwise take fractional counts (Kalshi's game markets do not).</summary>
    public bool FractionalTrading { get; init; }

    /// <summary>Fixed part of the delay before an order or cancel reaches the book.</summary>
    public TimeSpan OrderLatency { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Random extra delay, uniform in [0, jitter), drawn from <see cref="Seed"/>.</summary>
    public TimeSpan LatencyJitter { get; init; } = TimeSpan.Zero;

    public int Seed { get; init; } = 1;

    public string OrderIdPrefix { get; init; } = "PAPER-";
}
