namespace KalshiArb.Actors.Risk;

/// <summary>Manifests of the risk gate's journal (events and snapshot) and of the messages that reach it from other nodes.</summary>
public static class RiskManifests
{
    public static IReadOnlyList<(Type Type, string Manifest)> Journal { get; } =
    [
        (typeof(ReservationRecorded), "risk-reservation-recorded.v1"),
        (typeof(RiskFillRecorded), "risk-fill-recorded.v1"),
        (typeof(ReservationReleased), "risk-reservation-released.v1"),
        (typeof(SettlementRecorded), "risk-settlement-recorded.v1"),
        (typeof(KillSwitchRecorded), "risk-kill-switch-recorded.v1"),
        (typeof(VenueStateRecorded), "risk-venue-state-recorded.v1"),
        (typeof(RiskGateSnapshot), "risk-gate-snapshot.v1"),
    ];

    public static IReadOnlyList<(Type Type, string Manifest)> Wire { get; } =
    [
        (typeof(Reserve), "risk-reserve.v1"),
        (typeof(ReservationApproved), "risk-reservation-approved.v1"),
        (typeof(ReserveAhead), "risk-reserve-ahead.v1"),
        (typeof(ReservationHeld), "risk-reservation-held.v1"),
        (typeof(ReservationDenied), "risk-reservation-denied.v1"),
        (typeof(RiskGateUnavailable), "risk-gate-unavailable.v1"),
        (typeof(RiskGateOutage), "risk-gate-outage.v1"),
        (typeof(RiskGateStopping), "risk-gate-stopping.v1"),
        (typeof(ReportFill), "risk-report-fill.v1"),
        (typeof(ReportOrderTerminal), "risk-report-order-terminal.v1"),
        (typeof(ReportSettlement), "risk-report-settlement.v1"),
        (typeof(HaltTrading), "risk-halt.v1"),
        (typeof(EnterReduceOnly), "risk-reduce-only.v1"),
        (typeof(ResumeTrading), "risk-resume.v1"),
        (typeof(KillSwitchChanged), "risk-kill-switch-changed.v1"),
        (typeof(SubscribeKillSwitch), "risk-subscribe-kill-switch.v1"),
        (typeof(GetRiskState), "risk-get-state.v1"),
        (typeof(RiskStateView), "risk-state.v1"),
        (typeof(LoadVenueState), "risk-load-venue-state.v1"),
        (typeof(VenueStateLoaded), "risk-venue-state-loaded.v1"),
    ];
}
