using System.Net.WebSockets;
using Akka;
using Akka.Streams;
using Akka.Streams.Dsl;
using Akka.Util;
using KalshiArb.Kalshi.Auth;

namespace KalshiArb.Kalshi.Feed;

/// <summary>
/// The Kalshi WebSocket v2 market-data/account feed as an Akka.Streams source.
/// One connection at a time; <see cref="RestartSource"/> owns reconnects (the client's own reconnect is off).
/// Each connection: signed handshake → subscribe → typed events. A disconnect, silence beyond
/// <see cref="KalshiFeedOptions.SilenceTimeout"/>, buffer overflow or terminal error emits
/// <see cref="FeedDisconnected"/> and reconnects with backoff; the new connection subscribes again
/// and snapshots follow, preceded by <see cref="FeedConnected"/>.
/// </summary>
public sealed class KalshiFeed
{
    private readonly KalshiFeedOptions _options;
    private readonly KalshiSigner? _signer;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly HashSet<string> _markets;
    private FeedSession? _live;

    public KalshiFeed(KalshiFeedOptions options, KalshiSigner? signer, TimeProvider? clock = null)
    {
        _options = options;
        _signer = signer;
        _clock = clock ?? TimeProvider.System;
        _markets = new HashSet<string>(options.InitialMarkets, StringComparer.Ordinal);
    }

    public FeedCounters Counters { get; } = new();

    /// <summary>Markets currently wanted (kept across reconnects).</summary>
    public IReadOnlyCollection<string> Markets
    {
        get
        {
            lock (_gate) return _markets.ToArray();
        }
    }

    /// <summary>Subscribes more markets now (update_subscription add_markets) and on every reconnect. Foreign series are ignored.</summary>
    public void AddMarkets(IEnumerable<string> tickers)
    {
        var list = tickers.ToArray();
        FeedSession? live;
        lock (_gate)
        {
            foreach (var t in list) _markets.Add(t);
            live = _live;
        }
        live?.AddMarkets(list);
    }

    public void RemoveMarkets(IEnumerable<string> tickers)
    {
        var list = tickers.ToArray();
        FeedSession? live;
        lock (_gate)
        {
            foreach (var t in list) _markets.Remove(t);
            live = _live;
        }
        live?.RemoveMarkets(list);
    }

    /// <summary>Sends list_subscriptions on the live connection (reply arrives as CommandAcknowledged).</summary>
    public void ListSubscriptions()
    {
        FeedSession? live;
        lock (_gate) live = _live;
        live?.ListSubscriptions();
    }

    /// <summary>The endless feed. Materialize once; it reconnects by itself until the stream is cancelled.</summary>
    public Source<FeedEvent, NotUsed> Source() =>
        RestartSource.WithBackoff(ConnectionSource, RestartSettings.Create(_options.MinBackoff, _options.MaxBackoff, _options.RandomFactor));

    /// <summary>One connection's life: ends (after emitting FeedDisconnected) when the socket does.</summary>
    private Source<FeedEvent, NotUsed> ConnectionSource()
    {
        FeedSession? session = null;
        return Akka.Streams.Dsl.Source.FromObservable(Frames(s => session = s), _options.BufferSize, OverflowStrategy.Fail)
            .IdleTimeout(_options.SilenceTimeout)
            .Via(new FeedSessionStage(() => session!))
            .Recover(ex =>
            {
                Counters.Disconnected();
                return Option<FeedEvent>.Create(new FeedDisconnected(Describe(ex), _clock.GetUtcNow()));
            });
    }

    private static string Describe(Exception ex) => ex switch
    {
        TimeoutException => "silence: no frames within the liveness window",
        BufferOverflowException => "buffer overflow: consumer too slow, resyncing",
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    /// <summary>
    /// A cold observable: each subscription opens one signed socket. A null frame marks "connected".
    /// Any disconnect is an error so the stream fails and the restart loop takes over. Frames over
    /// <see cref="KalshiFeedOptions.MaxFrameBytes"/> are counted and dropped by the socket without being buffered whole.
    /// </summary>
    private IObservable<FeedInbound> Frames(Action<FeedSession> onSession) => new ConnectionObservable(this, onSession);

    /// <summary>Cold: each subscription opens one socket; its events are delivered one at a time (the socket is sequential).</summary>
    private sealed class ConnectionObservable(KalshiFeed feed, Action<FeedSession> onSession) : IObservable<FeedInbound>
    {
        public IDisposable Subscribe(IObserver<FeedInbound> observer)
        {
            var options = feed._options;
            var ws = new ClientWebSocket();
            feed._signer?.WebSocketHeaders().ApplyTo(ws.Options);
            ws.Options.KeepAliveInterval = options.KeepAliveInterval;
            ws.Options.KeepAliveTimeout = options.KeepAliveTimeout;
            var socket = new FeedSocket(ws, options.MaxFrameBytes);
            FeedSession session;
            lock (feed._gate)
            {
                session = new FeedSession(options, feed._markets, feed.Counters, socket.Send, feed.Schedule, feed._clock);
                feed._live = session;
            }
            onSession(session);
            _ = RunAsync();
            return new Closing(feed, session, socket);

            async Task RunAsync()
            {
                try
                {
                    await socket.RunAsync(options.Url, options.ConnectTimeout,
                        () => observer.OnNext(new FeedInbound(null)),
                        frame =>
                        {
                            // one reading for the recorder and the events: a replay then times them as live did
                            var at = feed._clock.GetUtcNow();
                            options.FrameReceived?.Invoke(frame, at);
                            observer.OnNext(new FeedInbound(frame, at.ToUnixTimeMilliseconds()));
                        },
                        () =>
                        {
                            feed.Counters.Frame();
                            feed.Counters.Reject(FeedRejectReason.FrameTooLarge);
                        }).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    observer.OnError(ex);
                }
            }
        }
    }

    private sealed class Closing(KalshiFeed feed, FeedSession session, FeedSocket socket) : IDisposable
    {
        public void Dispose()
        {
            lock (feed._gate)
                if (ReferenceEquals(feed._live, session)) feed._live = null;
            socket.Dispose();
        }
    }

    private void Schedule(TimeSpan delay, Action action) =>
        _ = Task.Delay(delay, _clock).ContinueWith(_ => action(), TaskScheduler.Default);
}
