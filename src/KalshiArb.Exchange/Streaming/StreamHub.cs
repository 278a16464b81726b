using System.Collections.Concurrent;
using System.Text.Json;

namespace KalshiArb.Exchange.Streaming;

/// <summary>
/// Routes market events to subscribed connections. Called while the market's lock is held, so for one
/// market the frames reach every connection in engine order and seq numbers follow that order.
/// </summary>
internal sealed class StreamHub
{
    private readonly ConcurrentDictionary<long, StreamSession> _sessions = new();
    private readonly int[] _subscriberCounts = new int[StreamChannelWire.Count];
    private long _nextSessionId;
    private long _overflows;

    /// <summary>Connections failed with error 25 since start.</summary>
    public long Overflows => Interlocked.Read(ref _overflows);

    public void RecordOverflow() => Interlocked.Increment(ref _overflows);

    public long NewSessionId() => Interlocked.Increment(ref _nextSessionId);

    public int ConnectionCount => _sessions.Count;

    public void Add(StreamSession session) => _sessions[session.Id] = session;

    public void Remove(StreamSession session)
    {
        if (!_sessions.TryRemove(session.Id, out _)) return;
        lock (session.Gate)
        {
            foreach (var sub in session.Subscriptions.Values) RemoveLocked(sub);
            session.Subscriptions.Clear();
        }
    }

    public IReadOnlyCollection<StreamSession> Sessions => (IReadOnlyCollection<StreamSession>)_sessions.Values;

    /// <summary>Cheap gate so idle channels cost no serialization.</summary>
    public bool HasSubscribers(StreamChannel channel) => Volatile.Read(ref _subscriberCounts[(int)channel]) > 0;

    public void Added(StreamSubscription sub) => Interlocked.Increment(ref _subscriberCounts[(int)sub.Channel]);

    /// <summary>Marks a subscription removed; the caller holds the session gate.</summary>
    public void RemoveLocked(StreamSubscription sub)
    {
        if (sub.Removed) return;
        sub.Removed = true;
        Interlocked.Decrement(ref _subscriberCounts[(int)sub.Channel]);
    }

    /// <summary>
    /// Sends one event to every subscription covering the ticker. For orderbook deltas each sid's seq advances
    /// by one (two when a seq skip fault fires). Private channels reach only the owner account's connections.
    /// </summary>
    public void Publish<T>(StreamChannel channel, string type, string ticker, string? ownerAccount, T msg, bool sequenced = false, bool skipSeq = false)
    {
        if (!HasSubscribers(channel)) return;
        byte[]? payload = null;
        foreach (var session in _sessions.Values)
        {
            if (ownerAccount is not null && session.AccountId != ownerAccount) continue;
            lock (session.Gate)
            {
                foreach (var sub in session.Subscriptions.Values)
                {
                    if (sub.Channel != channel || !sub.Covers(ticker)) continue;
                    payload ??= JsonSerializer.SerializeToUtf8Bytes(msg, WireJson.Options);
                    long? seq = null;
                    if (sequenced)
                    {
                        sub.Seq += skipSeq ? 2 : 1;
                        seq = sub.Seq;
                    }
                    session.EnqueueLocked(StreamFrames.Data(type, sub.Sid, seq, payload));
                }
            }
        }
    }

    public void AbortAll()
    {
        foreach (var session in _sessions.Values) session.Abort();
    }
}
