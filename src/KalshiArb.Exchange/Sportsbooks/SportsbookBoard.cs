using System.Security.Cryptography;
using System.Text;
using KalshiArb.Exchange.Catalog;

namespace KalshiArb.Exchange.Sportsbooks;

/// <summary>
/// Sportsbook lines that follow the hidden fair values: each (game, book) pair has a fixed seeded noise, the book's
/// vig is added evenly to both sides (so Shin/additive de-vig gives the noisy probability back), and a seeded share of
/// pairs is stale: an old line whose last_update stays <see cref="SportsbookOptions.StaleAge"/> before start.
/// </summary>
public sealed class SportsbookBoard
{
    private const double MinProbability = 0.02;
    private const double MaxProbability = 0.98;

    private readonly SportsbookOptions _options;
    private readonly ExchangeCatalog _catalog;
    private readonly FairValueBoard _fairValues;
    private readonly TimeProvider _clock;
    private readonly double[,] _noise;
    private readonly double[,] _staleShift;   // NaN = fresh
    private readonly double[,] _lastHomeDecimal;
    private readonly DateTimeOffset[,] _lastChange;
    private readonly Lock _gate = new();

    public SportsbookBoard(SportsbookOptions options, ExchangeCatalog catalog, FairValueBoard fairValues, TimeProvider clock, int seed)
    {
        _options = options;
        _catalog = catalog;
        _fairValues = fairValues;
        _clock = clock;
        Started = clock.GetUtcNow();
        Quota = new OddsQuota(options.StartingQuota);
        var games = catalog.Games.Count;
        var books = options.Books.Count;
        _noise = new double[games, books];
        _staleShift = new double[games, books];
        _lastHomeDecimal = new double[games, books];
        _lastChange = new DateTimeOffset[games, books];

        var rng = new Random(unchecked(seed * 92_821 + 29));
        for (var g = 0; g < games; g++)
        for (var b = 0; b < books; b++)
        {
            _noise[g, b] = options.NoiseMax * (2 * rng.NextDouble() - 1);
            _staleShift[g, b] = double.NaN;
            _lastHomeDecimal[g, b] = double.NaN;
            _lastChange[g, b] = Started;
        }

        // Stale pairs: a seeded pick, never leaving a game with fewer than two fresh books (consensus needs two).
        var pairs = games * books;
        var wanted = options.StaleShare <= 0 ? 0 : Math.Max(1, (int)Math.Round(Math.Clamp(options.StaleShare, 0, 1) * pairs));
        var freshLeft = new int[games];
        Array.Fill(freshLeft, books);
        foreach (var pair in Enumerable.Range(0, pairs).OrderBy(_ => rng.Next()).ToArray())
        {
            if (wanted == 0) break;
            var (g, b) = (pair / books, pair % books);
            if (freshLeft[g] <= 2) continue;
            _staleShift[g, b] = rng.Next(2) == 0 ? -options.StaleShift : options.StaleShift;
            freshLeft[g]--;
            wanted--;
        }
    }

    /// <summary>Clock time the simulator started: stale books' last_update is this minus StaleAge.</summary>
    public DateTimeOffset Started { get; }

    public IReadOnlyList<Sportsbook> Books => _options.Books;

    public SportsbookOptions Options => _options;

    public OddsQuota Quota { get; }

    /// <summary>The Odds API event id of a game: 32 lower-case hex digits, stable for a given event ticker.</summary>
    public string EventId(int game) => EventIdFor(_catalog.GameEventTicker(game));

    public static string EventIdFor(string eventTicker) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventTicker)))[..32];

    public bool IsStale(int game, string bookKey)
    {
        var b = BookIndex(bookKey);
        return b >= 0 && !double.IsNaN(_staleShift[game, b]);
    }

    /// <summary>Every book's line on a game, now.</summary>
    public IReadOnlyList<SportsbookLine> Lines(int game) => Lines(game, _clock.GetUtcNow());

    public IReadOnlyList<SportsbookLine> Lines(int game, DateTimeOffset now)
    {
        var lines = new List<SportsbookLine>(_options.Books.Count);
        for (var b = 0; b < _options.Books.Count; b++) lines.Add(Line(game, b, now));
        return lines;
    }

    private SportsbookLine Line(int game, int b, DateTimeOffset now)
    {
        var book = _options.Books[b];
        var stale = !double.IsNaN(_staleShift[game, b]);
        var baseline = stale ? _catalog.Games[game].HomeWinProbability + _staleShift[game, b] : _fairValues.HomeWinProbability(game);
        var home = Math.Clamp(baseline + _noise[game, b], MinProbability, MaxProbability);
        // Vig split evenly: implied home + implied away = 1 + overround, and additive/Shin de-vig returns `home`.
        var half = Math.Max(0, book.Overround) / 2;
        var homeImplied = Math.Min(0.995, home + half);
        var awayImplied = Math.Min(0.995, 1 - home + half);
        var homeDecimal = OddsPricing.Decimal(homeImplied);

        DateTimeOffset lastUpdate;
        if (stale) lastUpdate = Started - _options.StaleAge;
        else
        {
            lock (_gate)
            {
                // A moved price is stamped now; an unchanged one is re-confirmed once per refresh bucket.
                if (homeDecimal != _lastHomeDecimal[game, b])
                {
                    _lastHomeDecimal[game, b] = homeDecimal;
                    _lastChange[game, b] = now;
                }
                var bucket = _options.LineRefresh > TimeSpan.Zero
                    ? new DateTimeOffset(now.UtcTicks - now.UtcTicks % _options.LineRefresh.Ticks, TimeSpan.Zero)
                    : now;
                lastUpdate = _lastChange[game, b] > bucket ? _lastChange[game, b] : bucket;
            }
        }
        return new SportsbookLine(book, game, lastUpdate, stale, home, homeDecimal, OddsPricing.Decimal(awayImplied),
            OddsPricing.American(homeImplied), OddsPricing.American(awayImplied));
    }

    private int BookIndex(string key)
    {
        for (var b = 0; b < _options.Books.Count; b++)
            if (string.Equals(_options.Books[b].Key, key, StringComparison.OrdinalIgnoreCase)) return b;
        return -1;
    }
}
