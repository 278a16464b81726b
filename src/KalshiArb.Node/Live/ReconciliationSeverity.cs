namespace KalshiArb.Node.Live;

/// <summary>Fail stops a live start; Warning is logged and allowed; Info is for the record.</summary>
public enum ReconciliationSeverity
{
    Info = 0,
    Warning,
    Fail,
}
