namespace KalshiArb.Node.Audit;

public enum AuditFormat
{
    Text,
    Json,
    Csv,
}
