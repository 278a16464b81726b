namespace KalshiArb.Actors.Tests.Execution;

/// <summary>How the next submit misbehaves.</summary>
public enum SubmitFault
{
    None,
    /// <summary>The order is created, then the connection drops: the caller gets an exception (outcome unknown).</summary>
    LoseReplyAfterCreate,
    /// <summary>The request never arrives: an exception and no order.</summary>
    FailBeforeCreate,
    /// <summary>The order is created and the reply never comes (the caller is stopped while waiting).</summary>
    HangAfterCreate,
}

/// <summary>An in-memory venue that keeps Kalshi's promises (one order per client id) and breaks on demand.</summary>
public sealed class FakeVenue : IVenue
{
    private readonly object _lock = new();
    private readonly Dictionary<string, FakeOrder> _byClientId = new();
    private readonly List<IVenueListener> _listeners = new();
    private int _nextId;

    public string Name => "fake";

    public VenueResultKind? RejectWith { get; set; }
    public SubmitFault NextSubmitFault { get; set; }
    public bool LookupsFail { get; set; }

    /// <summary>The next this-many lookups answer NotFound even when the order exists (a lagging read replica).</summary>
    public int HideFromLookups { get; set; }

    /// <summary>After an accepted cancel, this many lookups still say Resting before Canceled shows.</summary>
    public int CancelStillRestingLookups { get; set; }

    public int SubmitCount { get; private set; }
    public int LookupCount { get; private set; }
    public int CancelCount { get; private set; }

    public int OrderCount
    {
        get
        {
            lock (_lock) return _byClientId.Count;
        }
    }

    public VenueOrderState? Order(string clientOrderId)
    {
        lock (_lock) return _byClientId.TryGetValue(clientOrderId, out var o) ? o.State() : null;
    }

    public Task<VenueSubmitResult> SubmitAsync(VenueOrderRequest request, CancellationToken ct)
    {
        lock (_lock)
        {
            SubmitCount++;
            var fault = NextSubmitFault;
            NextSubmitFault = SubmitFault.None;
            if (fault == SubmitFault.FailBeforeCreate)
                return Task.FromException<VenueSubmitResult>(new IOException("connection refused"));
            if (RejectWith is { } kind) return Task.FromResult(VenueSubmitResult.Rejected(kind, $"fake says {kind}"));
            if (_byClientId.ContainsKey(request.ClientOrderId))
                return Task.FromResult(VenueSubmitResult.Rejected(VenueResultKind.AlreadyExists, "order_already_exists"));

            var order = new FakeOrder($"x-{++_nextId}", request);
            _byClientId[request.ClientOrderId] = order;
            return fault switch
            {
                SubmitFault.LoseReplyAfterCreate => Task.FromException<VenueSubmitResult>(new IOException("connection reset after create")),
                SubmitFault.HangAfterCreate => new TaskCompletionSource<VenueSubmitResult>().Task,
                _ => Task.FromResult(new VenueSubmitResult(VenueResultKind.Accepted, order.ExchangeOrderId, VenueOrderStatus.Resting,
                    Quantity.Zero, request.Count, null)),
            };
        }
    }

    public Task<VenueCancelResult> CancelAsync(string exchangeOrderId, CancellationToken ct)
    {
        lock (_lock)
        {
            CancelCount++;
            var order = _byClientId.Values.FirstOrDefault(o => o.ExchangeOrderId == exchangeOrderId);
            if (order is null || order.Status != VenueOrderStatus.Resting)
                return Task.FromResult(new VenueCancelResult(VenueResultKind.NotFound, Quantity.Zero, "not resting"));
            var remaining = order.Request.Count - order.Filled;
            if (CancelStillRestingLookups > 0) order.CancelLookupsLeft = CancelStillRestingLookups;
            else order.Status = VenueOrderStatus.Canceled;
            order.CancelPending = true;
            return Task.FromResult(new VenueCancelResult(VenueResultKind.Accepted, remaining, null));
        }
    }

    public Task<VenueOrderLookup> FindOrderAsync(string ticker, string clientOrderId, CancellationToken ct)
    {
        lock (_lock)
        {
            LookupCount++;
            if (LookupsFail) return Task.FromException<VenueOrderLookup>(new TimeoutException("venue unreachable"));
            if (HideFromLookups > 0)
            {
                HideFromLookups--;
                return Task.FromResult(VenueOrderLookup.NotFound);
            }
            if (!_byClientId.TryGetValue(clientOrderId, out var order)) return Task.FromResult(VenueOrderLookup.NotFound);
            if (order.CancelPending && order.Status == VenueOrderStatus.Resting)
            {
                if (order.CancelLookupsLeft > 0) order.CancelLookupsLeft--;
                else order.Status = VenueOrderStatus.Canceled;
            }
            return Task.FromResult(VenueOrderLookup.Found(order.State()));
        }
    }

    public Task<IReadOnlyList<VenueFill>> GetFillsAsync(string exchangeOrderId, CancellationToken ct)
    {
        lock (_lock)
        {
            var order = _byClientId.Values.FirstOrDefault(o => o.ExchangeOrderId == exchangeOrderId);
            return Task.FromResult<IReadOnlyList<VenueFill>>(order?.Fills.ToArray() ?? []);
        }
    }

    public void Subscribe(IVenueListener listener)
    {
        lock (_lock) _listeners.Add(listener);
    }

    /// <summary>Matches <paramref name="count"/> contracts of the order; pushes the fill unless told not to.</summary>
    public VenueFill Fill(string clientOrderId, int count, int cents, string tradeId, bool push = true)
    {
        VenueFill fill;
        lock (_lock)
        {
            var order = _byClientId[clientOrderId];
            var q = Quantity.FromContracts(count);
            fill = new VenueFill(tradeId, order.ExchangeOrderId, clientOrderId, order.Request.Ticker, order.Request.Side,
                Price.FromCents(cents), q, Money.FromCents(1), IsTaker: false, 1_700_000_000_000);
            order.Filled += q;
            order.Fills.Add(fill);
            if (order.Filled == order.Request.Count) order.Status = VenueOrderStatus.Executed;
        }
        if (push) Push(fill);
        return fill;
    }

    /// <summary>Pushes a fill again (venues repeat themselves after reconnects).</summary>
    public void Push(VenueFill fill)
    {
        foreach (var l in Listeners()) l.OnFill(fill);
    }

    /// <summary>The exchange cancels the order on its own (e.g. market closed) and says so.</summary>
    public void ExchangeCancel(string clientOrderId)
    {
        VenueOrderState state;
        lock (_lock)
        {
            var order = _byClientId[clientOrderId];
            order.Status = VenueOrderStatus.Canceled;
            state = order.State();
        }
        foreach (var l in Listeners()) l.OnOrderUpdate(new VenueOrderUpdate(state, 1_700_000_000_000));
    }

    private IVenueListener[] Listeners()
    {
        lock (_lock) return _listeners.ToArray();
    }

    private sealed class FakeOrder(string exchangeOrderId, VenueOrderRequest request)
    {
        public string ExchangeOrderId { get; } = exchangeOrderId;
        public VenueOrderRequest Request { get; } = request;
        public Quantity Filled { get; set; } = Quantity.Zero;
        public VenueOrderStatus Status { get; set; } = VenueOrderStatus.Resting;
        public bool CancelPending { get; set; }
        public int CancelLookupsLeft { get; set; }
        public List<VenueFill> Fills { get; } = new();

        public VenueOrderState State() => new(ExchangeOrderId, Request.ClientOrderId, Request.Ticker, Request.Side,
            Request.LimitPrice, Status, Request.Count, Filled, Status == VenueOrderStatus.Resting ? Request.Count - Filled : Quantity.Zero);
    }
}
