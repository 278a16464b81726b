namespace KalshiArb.Domain.Orders.Lifecycle;

/// <summary>
/// The outcome of one input: the state after it, the events to journal (in one atomic write), the effects to
/// perform once they are durable, and the few effects that must not wait for the write (<see cref="Immediate"/>).
/// </summary>
public sealed record OrderDecision(
    OrderProcess State,
    IReadOnlyList<OrderEvent> Events,
    IReadOnlyList<OrderEffect> Effects,
    IReadOnlyList<OrderEffect> Immediate);
