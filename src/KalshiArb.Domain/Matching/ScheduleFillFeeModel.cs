using KalshiArb.Domain.Fees;

namespace KalshiArb.Domain.Matching;

/// <summary>Fill fees from a series' <see cref="FeeSchedule"/>: per fill, rounded up to $0.0001.</summary>
public sealed class ScheduleFillFeeModel(FeeSchedule schedule) : IFillFeeModel
{
    public FeeSchedule Schedule { get; } = schedule;

    public Money FeeFor(Price yesPrice, Quantity count, bool isTaker) =>
        Schedule.FillFee(isTaker ? FeeRole.Taker : FeeRole.Maker, count, yesPrice);
}
