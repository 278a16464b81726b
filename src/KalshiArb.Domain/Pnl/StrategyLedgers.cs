namespace KalshiArb.Domain.Pnl;

/// <summary>
/// The desk's P&amp;L split per detection strategy: one <see cref="PnlLedger"/> per strategy, so each is booked with
/// Kalshi's accounting as if it traded alone (two strategies on opposite sides of one market do not net here, though
/// the account nets them: the per-strategy figures need not sum to the desk's). A missing strategy id is the
/// consensus strategy's (orders journaled before there were strategies). Not thread-safe.
/// </summary>
public sealed class StrategyLedgers
{
    private sealed class Account
    {
        public PnlLedger Ledger { get; } = new(historyLimit: 1);
        public int Filled { get; set; }
        public int Ended { get; set; }
    }

    private readonly SortedDictionary<string, Account> _accounts = new(StringComparer.Ordinal);

    /// <summary>The strategy an order is booked under.</summary>
    public static string Of(string? strategyId) => string.IsNullOrEmpty(strategyId) ? Detection.StrategyIds.ConsensusEdge : strategyId;

    /// <summary>An order of the strategy had its first fill.</summary>
    public void OrderFilled(string? strategyId) => For(strategyId).Filled++;

    /// <summary>An order of the strategy ended (counted once per order by the caller).</summary>
    public void OrderEnded(string? strategyId) => For(strategyId).Ended++;

    public PnlError Apply(string? strategyId, PnlFill fill) => For(strategyId).Ledger.Apply(fill);

    /// <summary>A settlement concerns every strategy that traded the market.</summary>
    public void Apply(PnlSettlement settlement)
    {
        foreach (var account in _accounts.Values) account.Ledger.Apply(settlement);
    }

    public IReadOnlyList<StrategyPnl> Lines() =>
        _accounts.Select(kv => new StrategyPnl(kv.Key, kv.Value.Filled, kv.Value.Ended, kv.Value.Ledger.Realized, kv.Value.Ledger.Fees)).ToArray();

    private Account For(string? strategyId)
    {
        var id = Of(strategyId);
        if (!_accounts.TryGetValue(id, out var account)) _accounts[id] = account = new Account();
        return account;
    }
}
