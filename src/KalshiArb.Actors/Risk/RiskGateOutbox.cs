namespace KalshiArb.Actors.Risk;

/// <summary>
/// Reports and commands on their way to the gate, in order, with their senders: held while it is down, and kept once
/// sent until the gate has answered something sent after them (it works through its mailbox in order, and a journaled
/// command holds the next one back until written). A gate that stops drops its mailbox, so what it had not confirmed
/// is sent again to the next one; the gate de-duplicates fills by trade id and ignores a repeated terminal.
/// </summary>
internal sealed class RiskGateOutbox(int capacity)
{
    private readonly LinkedList<Entry> _held = new();
    private readonly LinkedList<Entry> _sent = new();
    private long _lastSeq;

    /// <summary>Dropped for want of room since the start.</summary>
    public int Dropped { get; private set; }

    public int Held => _held.Count;

    public int Unconfirmed => _sent.Count;

    /// <summary>The last message sent: an answer to anything sent after it confirms everything up to it.</summary>
    public long Mark => _lastSeq;

    /// <summary>False when full: the message is dropped and counted.</summary>
    /// <param name="always">held even when full (kill switch commands: few, and never to be lost)</param>
    public bool Hold(object message, IActorRef sender, bool always = false)
    {
        if (!always && _held.Count >= capacity)
        {
            Dropped++;
            return false;
        }
        _held.AddLast(new Entry(0, message, sender));
        return true;
    }

    public void Send(IActorRef gate, object message, IActorRef sender)
    {
        gate.Tell(message, sender);
        _sent.AddLast(new Entry(++_lastSeq, message, sender));
        // A gate that never confirms would grow this without end; past capacity the oldest could not be resent anyway.
        if (_sent.Count > capacity)
        {
            _sent.RemoveFirst();
            Dropped++;
        }
    }

    /// <summary>Sends everything held, in order.</summary>
    public void SendHeld(IActorRef gate)
    {
        while (_held.First is { } first)
        {
            _held.RemoveFirst();
            Send(gate, first.Value.Message, first.Value.Sender);
        }
    }

    public void ConfirmUpTo(long mark)
    {
        while (_sent.First is { } first && first.Value.Seq <= mark) _sent.RemoveFirst();
    }

    /// <summary>The gate stopped: what it had not confirmed is held again, ahead of anything held since.</summary>
    public void Requeue()
    {
        while (_sent.Last is { } last)
        {
            _sent.RemoveLast();
            _held.AddFirst(last.Value with { Seq = 0 });
        }
    }

    private sealed record Entry(long Seq, object Message, IActorRef Sender);
}
