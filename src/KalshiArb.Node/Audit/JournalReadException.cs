namespace KalshiArb.Node.Audit;

/// <summary>The journal as a whole could not be read (no database, unreachable server, missing tables).</summary>
public sealed class JournalReadException(string message, Exception? inner = null) : Exception(message, inner);
