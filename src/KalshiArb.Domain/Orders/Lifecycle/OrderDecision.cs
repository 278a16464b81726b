namespace KalshiArb.Domain.Orders.Lifecycle;

/// <summary>The outcome of one input: the state after it, the events to journal (in one atomic write), and the effects to perform once they are durable.</summary>
public sealed record OrderDecision(OrderProcess State, IReadOnlyList<OrderEvent> Events, IReadOnlyList<OrderEffect> Effects);
