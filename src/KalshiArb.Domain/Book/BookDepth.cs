namespace KalshiArb.Domain.Book;

/// <summary>
/// An allocation-free, best-first view of one side's bids, or of the asks they imply
/// (a NO bid at p is a YES ask at 1 − p). Valid until the book next changes.
/// </summary>
public readonly struct BookDepth
{
    private readonly BidLadder _ladder;
    private readonly bool _asAsks;

    internal BookDepth(BidLadder ladder, bool asAsks)
    {
        _ladder = ladder;
        _asAsks = asAsks;
    }

    public int Count => _ladder.Count;

    /// <summary>Level by depth, best first: highest bid, or lowest ask.</summary>
    public BookLevel this[int depth]
    {
        get
        {
            var bid = _ladder.FromBest(depth);
            return _asAsks ? bid with { Price = bid.Price.Complement } : bid;
        }
    }

    public Enumerator GetEnumerator() => new(this);

    public struct Enumerator
    {
        private readonly BookDepth _depth;
        private int _index;

        internal Enumerator(BookDepth depth)
        {
            _depth = depth;
            _index = -1;
        }

        public bool MoveNext() => ++_index < _depth.Count;

        public readonly BookLevel Current => _depth[_index];
    }
}
