namespace KalshiArb.Domain.Paper;

/// <summary>Outcome of a submit or cancel: the addressed order afterwards and the fills it produced.</summary>
public sealed record PaperResult(PaperRejectReason Reject, PaperOrder? Order, IReadOnlyList<PaperFill> Fills)
{
    public bool IsAccepted => Reject == PaperRejectReason.None;

    public static PaperResult Rejected(PaperRejectReason reason) => new(reason, null, []);
}
