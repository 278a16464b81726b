using Akka.Streams;
using Akka.Streams.Stage;

namespace KalshiArb.Kalshi.Feed;

/// <summary>A raw frame from the socket, or (Frame == null) the "connected" marker.</summary>
internal readonly record struct FeedInbound(byte[]? Frame, long ReceivedAtMs = 0);

/// <summary>
/// Runs a <see cref="FeedSession"/> inside the stream: one frame in, zero or more events out, with no
/// per-frame collection allocation. A FeedResyncRequiredException thrown by the session fails the stage.
/// </summary>
internal sealed class FeedSessionStage(Func<FeedSession> session) : GraphStage<FlowShape<FeedInbound, FeedEvent>>
{
    private readonly Func<FeedSession> _session = session;
    private readonly Inlet<FeedInbound> _in = new("kalshi-feed.in");
    private readonly Outlet<FeedEvent> _out = new("kalshi-feed.out");

    public override FlowShape<FeedInbound, FeedEvent> Shape => new(_in, _out);

    protected override GraphStageLogic CreateLogic(Attributes inheritedAttributes) => new Logic(this);

    private sealed class Logic : InAndOutGraphStageLogic
    {
        private readonly FeedSessionStage _stage;
        private readonly List<FeedEvent> _batch = new(4);
        private readonly Queue<FeedEvent> _pending = new();

        public Logic(FeedSessionStage stage) : base(stage.Shape)
        {
            _stage = stage;
            SetHandler(stage._in, this);
            SetHandler(stage._out, this);
        }

        public override void OnPush()
        {
            var inbound = Grab(_stage._in);
            var session = _stage._session();
            _batch.Clear();
            if (inbound.Frame is null) _batch.Add(session.OnConnected());
            else session.OnFrame(inbound.Frame, inbound.ReceivedAtMs, _batch);
            if (_batch.Count == 0)
            {
                Pull(_stage._in);
                return;
            }
            // downstream has pulled (that is why we pulled upstream), so one push is always allowed
            Push(_stage._out, _batch[0]);
            for (var i = 1; i < _batch.Count; i++) _pending.Enqueue(_batch[i]);
        }

        public override void OnPull()
        {
            if (_pending.Count > 0) Push(_stage._out, _pending.Dequeue());
            else if (IsClosed(_stage._in)) CompleteStage();
            else Pull(_stage._in);
        }

        public override void OnUpstreamFinish()
        {
            if (_pending.Count == 0) CompleteStage();
        }
    }
}
